import { defineService, provideService, useService } from "@/lib/config/process-services";

/**
 * How use cases say "this student's standing may have changed" without holding the live feed
 * (the live class provides the real one in the process registry; the CLI and unit tests get a
 * no-op).
 */
export type LeaderboardNotifier = (classId: string, userId: string) => void;

const noop: LeaderboardNotifier = () => undefined;

export const LEADERBOARD_NOTIFIER = defineService<LeaderboardNotifier>("leaderboard-notifier", () => noop);

export function setLeaderboardNotifier(notifier: LeaderboardNotifier | undefined): void {
  provideService(LEADERBOARD_NOTIFIER, notifier);
}

export function getLeaderboardNotifier(): LeaderboardNotifier {
  return useService(LEADERBOARD_NOTIFIER);
}
