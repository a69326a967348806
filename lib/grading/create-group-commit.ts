import type { ClaimedSubmission } from "@/lib/db/submissions";
import { claimSubmission } from "@/lib/db/submissions";
import { claimSubmissions } from "@/lib/db/submissions-batch";
import { withTransaction } from "@/lib/db/with-transaction";
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

/** Large enough for a burst, small enough to keep a transaction (SQLite's one writer) short. */
const MAX_BATCH = 32;

/**
 * Group commit: claims (and verdicts) asked for while one batch is being written wait and go
 * together as the next batch, in one transaction — under a burst, the grading side's database
 * work per submission drops to a few statements, and a lone job still goes at once. A batch that
 * fails falls back to the one-by-one path for each of its items, so a batch never loses or
 * double-writes anything the single-row guards would not.
 */
export function createGroupCommit(): GradingCommit {
  const claims = createBatcher<{ id: string; staleBefore: Date }, ClaimedSubmission | null>({
    single: (item) => COMMIT_ONE_BY_ONE.claim(item.id, item.staleBefore),
    many: async (items) => {
      // The most cautious threshold of the batch: nobody claims a row it would not have claimed alone.
      const staleBefore = new Date(Math.min(...items.map((item) => item.staleBefore.getTime())));
      const claimed = await withTransaction((tx) =>
        claimSubmissions(
          items.map((item) => item.id),
          staleBefore,
          tx,
        ),
      );
      const byId = new Map(claimed.map((row) => [row.id, row]));
      return items.map((item) => byId.get(item.id) ?? null);
    },
  });
  const verdicts = createBatcher<VerdictToStore, boolean>({
    single: (item) => COMMIT_ONE_BY_ONE.store(item),
    many: storeVerdicts,
  });
  return { claim: (id, staleBefore) => claims({ id, staleBefore }), store: verdicts };
}

interface Pending<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

function createBatcher<I, O>(options: {
  single: (item: I) => Promise<O>;
  many: (items: I[]) => Promise<O[]>;
}): (item: I) => Promise<O> {
  const pending: Pending<I, O>[] = [];
  let busy = false;

  const settle = (entry: Pending<I, O>, work: Promise<O>) => work.then(entry.resolve, entry.reject);

  async function drain(): Promise<void> {
    try {
      await drainBatches();
    } finally {
      busy = false;
    }
  }

  async function drainBatches(): Promise<void> {
    while (pending.length > 0) {
      const batch = pending.splice(0, MAX_BATCH);
      if (batch.length === 1) {
        await settle(batch[0], options.single(batch[0].item));
        continue;
      }
      try {
        const results = await options.many(batch.map((entry) => entry.item));
        batch.forEach((entry, i) => entry.resolve(results[i]));
      } catch {
        // Rolled back as a whole: each item takes the single-row path (with its own guards and errors).
        for (const entry of batch) await settle(entry, options.single(entry.item));
      }
    }
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      // setImmediate: the calls made in the same turn of the event loop join this first batch.
      if (!busy) {
        busy = true;
        setImmediate(() => void drain());
      }
    });
}
