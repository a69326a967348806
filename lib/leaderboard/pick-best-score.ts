import type { BestScoreFields, GradedScoreRow } from "@/lib/db/best-scores";

/**
 * The best-score rule, derived from the student's graded submissions so recomputing it is
 * idempotent (a regrade or a duplicate delivery cannot double-count): the highest score counts;
 * among equal scores the earliest verdict (what the student reached first), whose time is also
 * when the leaderboard considers that score reached.
 */
export function pickBestScore(rows: readonly GradedScoreRow[]): BestScoreFields {
  const time = (row: GradedScoreRow) => row.gradedAt?.getTime() ?? Number.MAX_SAFE_INTEGER;
  const best = rows.reduce<GradedScoreRow | null>((top, row) => {
    if (!top) return row;
    const [a, b] = [row.score ?? 0, top.score ?? 0];
    return a > b || (a === b && time(row) < time(top)) ? row : top;
  }, null);
  const firstPass = rows.filter((row) => row.passed === true).sort((a, b) => time(a) - time(b))[0];
  return {
    bestScore: best?.score ?? 0,
    bestSubmissionId: best?.id ?? null,
    attempts: rows.length,
    passedAt: firstPass?.gradedAt ?? null,
    bestAt: best && (best.score ?? 0) > 0 ? best.gradedAt : null,
  };
}
