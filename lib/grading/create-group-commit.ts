import type { ClaimedSubmission } from "@/lib/db/submissions";
import { claimSubmission } from "@/lib/db/submissions";
import { claimSubmissions } from "@/lib/db/submissions-batch";
import { createBatcher } from "@/lib/db/submissions-batcher";
import { storeVerdict } from "./store-verdict";
import { storeVerdicts, type VerdictToStore } from "./store-verdicts";

/** How grade jobs claim their row and store their verdict (gradeSubmission's default: one by one). */
export interface GradingCommit {
  claim(id: string, staleBefore: Date): Promise<ClaimedSubmission | null>;
  store(verdict: VerdictToStore): Promise<boolean>;
}

export const COMMIT_ONE_BY_ONE: GradingCommit = {
  claim: (id, staleBefore) => claimSubmission(id, staleBefore),
  store: (verdict) => storeVerdict(verdict.id, verdict.claimAttempt, verdict.fields, verdict.key),
};

/**
 * In a burst, claims and verdicts come one at a time, as sandbox runs end (a few ms apart), so
 * they rarely overlap a write and each paid a transaction of its own (issue 9 point 6: ~5
 * statements per verdict). Waiting 15 ms for company when the last one came < 100 ms ago batches
 * them; the wait is hidden behind the jobs already queued for the sandbox, and a lone submission
 * (nothing for 100 ms) is not delayed.
 */
const STREAM_LINGER = { ms: 15, whenCallsWithinMs: 100 };

/**
 * Group commit of the grade jobs (lib/db/submissions-batcher.ts): claims asked for while a batch
 * is being written go together as the next batch, in one statement, and verdicts in one transaction — under
 * a burst the grading side's database work per submission drops to a few statements. A failed
 * batch falls back to the one-by-one path, so it never loses or double-writes anything.
 */
export function createGroupCommit(options: { linger?: { ms: number; whenCallsWithinMs: number } } = {}): GradingCommit {
  const linger = options.linger ?? STREAM_LINGER;
  const claims = createBatcher<{ id: string; staleBefore: Date }, ClaimedSubmission | null>({
    linger,
    single: (item) => COMMIT_ONE_BY_ONE.claim(item.id, item.staleBefore),
    many: async (items) => {
      // The most cautious threshold of the batch: nobody claims a row it would not have claimed alone.
      const staleBefore = new Date(Math.min(...items.map((item) => item.staleBefore.getTime())));
      const claimed = await claimSubmissions(
        items.map((item) => item.id),
        staleBefore,
      );
      const byId = new Map(claimed.map((row) => [row.id, row]));
      return items.map((item) => byId.get(item.id) ?? null);
    },
  });
  const verdicts = createBatcher<VerdictToStore, boolean>({
    linger,
    single: (item) => COMMIT_ONE_BY_ONE.store(item),
    many: storeVerdicts,
  });
  return { claim: (id, staleBefore) => claims({ id, staleBefore }), store: verdicts };
}
