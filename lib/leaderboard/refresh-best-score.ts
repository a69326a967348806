import { listGradedScores, lockBestScore, updateBestScore, type BestScoreKey } from "@/lib/db/best-scores";
import type { DbClient } from "@/lib/db/get-db";
import { pickBestScore } from "./pick-best-score";

/**
 * Recomputes one student's BestScore row (the leaderboard's cache of the graded submissions)
 * inside the verdict's transaction. Two gradings of one student finishing together must not leave
 * the older figures behind (read A, read B, write B, write A): the row is locked first by a write,
 * so refreshes of one key run one after another and the last one reads every committed verdict.
 */
export async function refreshBestScore(key: BestScoreKey, tx: DbClient): Promise<void> {
  await lockBestScore(key, tx);
  await updateBestScore(key, pickBestScore(await listGradedScores(key, tx)), tx);
}
