import type { LeaderboardData } from "@/lib/db/leaderboard";
import type { LeaderboardEntry } from "@/lib/realtime/events";

/** One student's totals before ranking. `reachedAt`: when the total was reached (ms), null at 0. */
export interface Standing {
  userId: string;
  name: string;
  solved: number;
  score: number;
  reachedAt: number | null;
}

/**
 * THE leaderboard rule. Points = sum over the class's counted exercises of best score × the
 * exercise's points / 100 (one decimal); `solved` = exercises passed. A higher total ranks first;
 * equal totals rank by who reached theirs first (the latest of the best scores that make it up);
 * students still on 0 are unranked. Names: the alias when the student chose one.
 */
export function computeStandings(data: LeaderboardData): Standing[] {
  const points = new Map(data.exercises.map((exercise) => [exercise.id, exercise.points]));
  const byUser = new Map(
    data.students.map((student) => [
      student.userId,
      {
        userId: student.userId,
        name: student.alias?.trim() || student.name,
        solved: 0,
        score: 0,
        reachedAt: null as number | null,
      },
    ]),
  );
  for (const row of data.scores) {
    const standing = byUser.get(row.userId);
    const exercisePoints = points.get(row.exerciseId);
    if (!standing || exercisePoints === undefined) continue;
    if (row.passedAt) standing.solved += 1;
    if (row.bestScore <= 0) continue;
    standing.score += (row.bestScore * exercisePoints) / 100;
    const reached = row.bestAt?.getTime() ?? row.passedAt?.getTime() ?? null;
    if (reached !== null) standing.reachedAt = Math.max(standing.reachedAt ?? 0, reached);
  }
  return [...byUser.values()].map((standing) => ({ ...standing, score: Math.round(standing.score * 10) / 10 }));
}

function compare(a: Standing, b: Standing): number {
  if (a.score !== b.score) return b.score - a.score;
  const [ta, tb] = [a.reachedAt ?? Number.MAX_SAFE_INTEGER, b.reachedAt ?? Number.MAX_SAFE_INTEGER];
  if (ta !== tb) return ta - tb;
  return a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId);
}

/**
 * Sorted, with standard competition ranks ("1224"): an exact tie (same total, same time) shares the
 * FIRST place of its group and the next place skips. Students still on 0 points have no rank
 * (null, shown "—"): at the start of a class nobody is "1st", and a verdict above them never
 * moves them — so a verdict changes a few rows, not the whole class (the live update carries
 * changed rows only).
 */
export function rankStandings(standings: Iterable<Standing>): LeaderboardEntry[] {
  const sorted = [...standings].sort(compare);
  let groupStart = 0;
  return sorted.map((standing, index) => {
    const previous = sorted[index - 1];
    const tied =
      previous !== undefined && previous.score === standing.score && previous.reachedAt === standing.reachedAt;
    if (!tied) groupStart = index;
    return {
      userId: standing.userId,
      name: standing.name,
      solved: standing.solved,
      score: standing.score,
      rank: standing.score > 0 ? groupStart + 1 : null,
    };
  });
}
