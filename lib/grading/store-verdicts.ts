import type { BestScoreKey } from "@/lib/db/best-scores";
import type { GradedFields } from "@/lib/db/submission-record";
import {
  bestScoresNeedLock,
  keyString,
  listGradedScoresOf,
  lockBestScores,
  storeGradedResults,
  writeBestScores,
} from "@/lib/db/submissions-batch";
import { rawTransaction } from "@/lib/db/raw-transaction";
import { pickBestScore } from "@/lib/leaderboard/pick-best-score";

export interface VerdictToStore {
  id: string;
  claimAttempt: number;
  fields: GradedFields;
  key: BestScoreKey;
}

/**
 * The grading commit for one or many submissions, in ONE transaction: every verdict guarded by its claim, then
 * the BestScore rows of the students concerned locked, re-read and rewritten once per student —
 * a handful of raw statements for the whole batch (lib/db/raw-transaction.ts: no Prisma call). All or nothing; returns
 * which verdicts this call stored. A failure (e.g. two nodes creating the same BestScore row)
 * rolls everything back: the caller stores the batch one by one instead.
 */
export async function storeVerdicts(items: readonly VerdictToStore[]): Promise<boolean[]> {
  return rawTransaction(async (tx) => {
    const stored = await storeGradedResults(items, tx);
    const keys = new Map<string, BestScoreKey>();
    items.forEach((item, i) => {
      if (stored[i]) keys.set(keyString(item.key), item.key);
    });
    if (keys.size === 0) return stored;
    // Lock first, then read: the read sees every verdict committed before the lock was granted.
    if (bestScoresNeedLock()) await lockBestScores([...keys.values()], tx);
    const scores = await listGradedScoresOf([...keys.values()], tx);
    const rows = [...keys].map(([id, key]) => ({ key, fields: pickBestScore(scores.get(id) ?? []) }));
    await writeBestScores(rows, tx);
    return stored;
  });
}
