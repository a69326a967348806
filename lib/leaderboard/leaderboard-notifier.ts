/**
 * How use cases say "this student's standing may have changed" without holding the live feed
 * (server.ts registers the real one; the CLI and unit tests get a no-op). Next's route bundles
 * are separate module instances in the same process, so the registration lives on globalThis.
 */
export type LeaderboardNotifier = (classId: string, userId: string) => void;

const KEY = Symbol.for("interleave.leaderboard.notifier");
type Registry = typeof globalThis & { [KEY]?: LeaderboardNotifier };

export function setLeaderboardNotifier(notifier: LeaderboardNotifier | undefined): void {
  (globalThis as Registry)[KEY] = notifier;
}

export function getLeaderboardNotifier(): LeaderboardNotifier {
  return (globalThis as Registry)[KEY] ?? (() => undefined);
}
