/**
 * One interface for the two grading queue backends: the embedded in-process queue (default) and
 * BullMQ on Redis (`REDIS_URL`). Jobs carry only the submission id — the row is persisted first and
 * is the source of truth, so a lost or duplicated job can never lose or double-count a submission.
 */
export type GradeJobHandler = (submissionId: string) => Promise<void>;

export interface EnqueueOptions {
  priority?: "normal" | "low";
}

export interface GradingQueueStats {
  waiting: number;
  active: number;
  delayed: number;
}

export interface GradingQueue {
  readonly kind: "in-process" | "bullmq";
  /**
   * Adds a job whose id is the submission id; a job already waiting for that id is not added twice.
   * Low priority (regrades) waits behind every normal job, so live students are served first.
   */
  enqueue(submissionId: string, options?: EnqueueOptions): Promise<void>;
  /** Starts consuming jobs. Only infrastructure errors (`RetryableGradingError`) are retried. */
  startWorker(handler: GradeJobHandler, options: { concurrency: number }): void;
  stats(): Promise<GradingQueueStats>;
  /** Stops taking new jobs and waits for the running ones. */
  close(): Promise<void>;
}

/**
 * Thrown by a grade job when the infrastructure (not the student) failed and the submission is
 * queued again, e.g. the sandbox is unavailable. The queue retries it with backoff; the row's
 * `infraRetries` (not the queue) decides when to stop (MAX_INFRA_RETRIES), so a restart or a
 * second queue cannot retry forever.
 */
export class RetryableGradingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RetryableGradingError";
  }
}

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Infrastructure retries of one submission before it ends `infra_error` for the instructor. */
export const MAX_INFRA_RETRIES = 3;

export const RETRY_POLICY: RetryPolicy = { attempts: MAX_INFRA_RETRIES + 1, baseDelayMs: 1_000, maxDelayMs: 30_000 };

/** Exponential backoff: 1 s, 2 s, 4 s … capped at 30 s. */
export function retryDelayMs(attempt: number, policy: RetryPolicy = RETRY_POLICY): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
}
