import { requireClassAccess } from "@/lib/auth/require-class-access";
import { parseInput } from "@/lib/config/parse-input";
import { getLeaderboardInput, type GetLeaderboardInput, type LeaderboardView } from "./leaderboard.types";
import { loadRankedLeaderboard } from "./load-ranked-leaderboard";

/**
 * The class leaderboard for a member or the owner (anyone else: NOT_FOUND). Read from the stored
 * results every time: the socket's `leaderboard:update` only carries the rows that changed since,
 * so a page that (re)loads starts from this snapshot.
 */
export async function getLeaderboard(input: GetLeaderboardInput): Promise<LeaderboardView> {
  const { userId, classId } = parseInput(getLeaderboardInput, input);
  await requireClassAccess({ userId, classId, action: "class.view" });
  const entries = await loadRankedLeaderboard(classId);
  return { classId, entries, updatedAt: new Date().toISOString() };
}
