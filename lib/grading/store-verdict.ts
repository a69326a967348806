import type { BestScoreKey } from "@/lib/db/best-scores";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import { storeGradedResult, type GradedFields } from "@/lib/db/submissions";
import { withTransaction } from "@/lib/db/with-transaction";
import { refreshBestScore } from "@/lib/leaderboard/refresh-best-score";

/**
 * The grading commit: the verdict (guarded by the claim, see storeGradedResult) and the student's
 * BestScore row in ONE transaction, so the leaderboard never lags a stored verdict. Returns whether
 * this call stored the verdict; nothing is written when it did not.
 */
export async function storeVerdict(
  id: string,
  claimAttempt: number,
  fields: GradedFields,
  key: BestScoreKey,
): Promise<boolean> {
  return retryOnUniqueViolation(() =>
    withTransaction(async (tx) => {
      if (!(await storeGradedResult(id, claimAttempt, fields, tx))) return false;
      await refreshBestScore(key, tx);
      return true;
    }),
  );
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
