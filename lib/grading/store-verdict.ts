import type { BestScoreKey } from "@/lib/db/best-scores";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import type { GradedFields } from "@/lib/db/submission-record";
import { storeVerdicts } from "./store-verdicts";

/**
 * The grading commit of one submission: the verdict (guarded by the claim, see storeGradedResult)
 * and the student's BestScore row in ONE transaction, so the leaderboard never lags a stored
 * verdict (store-verdicts.ts, a batch of one). Returns whether this call stored the verdict;
 * nothing is written when it did not.
 */
export async function storeVerdict(
  id: string,
  claimAttempt: number,
  fields: GradedFields,
  key: BestScoreKey,
): Promise<boolean> {
  const [stored] = await retryOnUniqueViolation(() => storeVerdicts([{ id, claimAttempt, fields, key }]));
  return stored;
}

/** Two first refreshes of a key can race to create its row: the loser's transaction runs again. */
async function retryOnUniqueViolation<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= 3 || !isUniqueViolation(error)) throw error;
    }
  }
}
