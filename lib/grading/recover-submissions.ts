import { listRecoverableSubmissionIds } from "@/lib/db/submissions";
import type { GradingQueue } from "./grading-queue.types";

export interface RecoverSubmissionsOptions {
  queue: GradingQueue;
  /** A running row older than this lost its worker (the run limit plus a margin). */
  staleAfterMs: number;
  batchSize?: number;
}

/**
 * Re-enqueues what a crash or restart left behind: queued rows and stale running rows (infra_error
 * is final until the instructor regrades). Safe to run any time on any node: enqueueing is deduplicated by submission id and grading
 * claims rows with a conditional update. Returns how many ids were enqueued.
 */
export async function recoverSubmissions(options: RecoverSubmissionsOptions): Promise<number> {
  const now = Date.now();
  const ids = await listRecoverableSubmissionIds({
    staleBefore: new Date(now - options.staleAfterMs),
    limit: options.batchSize ?? 5_000,
  });
  for (const id of ids) await options.queue.enqueue(id);
  return ids.length;
}
