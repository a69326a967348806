import {
  RETRY_POLICY,
  type RetryPolicy,
  RetryableGradingError,
  retryDelayMs,
  type GradeJobHandler,
  type GradingQueue,
} from "./grading-queue.types";

interface Options {
  retry?: RetryPolicy;
  onError?: (submissionId: string, error: unknown) => void;
}

/**
 * The embedded queue: FIFO, concurrency sized to the sandbox pool, deduplicated by submission id.
 * Jobs live in memory only; crash safety comes from the database rows plus `recoverSubmissions`,
 * which re-enqueues whatever a dead process left queued or running.
 */
export function createInProcessQueue(options: Options = {}): GradingQueue {
  const retry = options.retry ?? RETRY_POLICY;
  const waiting: string[] = [];
  const waitingLow: string[] = [];
  const known = new Set<string>(); // waiting, delayed or active: enqueueing again is a no-op
  const attempts = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  let handler: GradeJobHandler | null = null;
  let concurrency = 1;
  let active = 0;
  let closed = false;

  function pump(): void {
    while (handler && !closed && active < concurrency && waiting.length + waitingLow.length > 0) {
      const id = (waiting.length > 0 ? waiting.shift() : waitingLow.shift()) as string;
      active += 1;
      const job = runJob(handler, id).finally(() => {
        active -= 1;
        running.delete(job);
        pump();
      });
      running.add(job);
    }
  }

  async function runJob(run: GradeJobHandler, id: string): Promise<void> {
    const attempt = (attempts.get(id) ?? 0) + 1;
    attempts.set(id, attempt);
    try {
      await run(id);
      forget(id);
    } catch (error) {
      if (error instanceof RetryableGradingError && attempt < retry.attempts && !closed) {
        scheduleRetry(id, retryDelayMs(attempt, retry));
        return;
      }
      forget(id);
      options.onError?.(id, error);
    }
  }

  function scheduleRetry(id: string, delayMs: number): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      waiting.push(id);
      pump();
    }, delayMs);
    timer.unref();
    timers.add(timer);
  }

  function forget(id: string): void {
    known.delete(id);
    attempts.delete(id);
  }

  return {
    kind: "in-process",
    async enqueue(submissionId, enqueueOptions) {
      if (closed || known.has(submissionId)) return;
      known.add(submissionId);
      (enqueueOptions?.priority === "low" ? waitingLow : waiting).push(submissionId);
      pump();
    },
    startWorker(run, { concurrency: size }) {
      handler = run;
      concurrency = Math.max(1, size);
      pump();
    },
    async stats() {
      return { waiting: waiting.length + waitingLow.length, active, delayed: timers.size };
    },
    async close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...running]);
    },
  };
}
