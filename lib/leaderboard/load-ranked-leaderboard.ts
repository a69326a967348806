import { loadLeaderboardData } from "@/lib/db/leaderboard";
import type { LeaderboardEntry } from "@/lib/realtime/events";
import { computeStandings, rankStandings, type Standing } from "./rank-standings";

/** The class's board straight from the database (the truth), ranked. No authorization: callers check. */
export async function loadRankedLeaderboard(classId: string): Promise<LeaderboardEntry[]> {
  return rankStandings(computeStandings(await loadLeaderboardData(classId)));
}

/** Standings of some students only (a live update re-reads just the students whose verdicts changed). */
export async function loadStandings(classId: string, userIds?: readonly string[]): Promise<Standing[]> {
  return computeStandings(await loadLeaderboardData(classId, userIds));
}
