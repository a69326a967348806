import type { LeaderboardEntry } from "@/lib/realtime/events";

/** Applies a `leaderboard:update` (changed rows only) to the rows shown, ranked again. */
export function mergeEntries(
  current: readonly LeaderboardEntry[],
  changed: readonly LeaderboardEntry[],
): LeaderboardEntry[] {
  const byUser = new Map(current.map((entry) => [entry.userId, entry]));
  for (const entry of changed) byUser.set(entry.userId, entry);
  // Unranked rows (0 points, rank null) come last.
  const place = (entry: LeaderboardEntry) => entry.rank ?? Number.MAX_SAFE_INTEGER;
  return [...byUser.values()].sort((a, b) => place(a) - place(b) || b.score - a.score || a.name.localeCompare(b.name));
}
