import { Queue, UnrecoverableError, Worker } from "bullmq";
import IORedis from "ioredis";
import {
  RETRY_POLICY,
  type RetryPolicy,
  RetryableGradingError,
  type GradeJobHandler,
  type GradingQueue,
} from "./grading-queue.types";

interface Options {
  redisUrl: string;
  /** Key prefix, so tests and several deployments can share one Redis. */
  prefix?: string;
  queueName?: string;
  retry?: RetryPolicy;
  /** How quickly a job held by a dead worker is handed to another one. */
  lockDurationMs?: number;
  onError?: (submissionId: string, error: unknown) => void;
}

/**
 * BullMQ on Redis: several `npm run worker` processes on several machines share one queue.
 * The job id is the submission id, so a job that is still waiting or running is not added twice.
 * Only `RetryableGradingError` is retried (with exponential backoff); anything else fails at once —
 * a student's timeout or crash is a graded result, never a job failure.
 */
export function createBullmqQueue(options: Options): GradingQueue {
  const retry = options.retry ?? RETRY_POLICY;
  const name = options.queueName ?? "grading";
  const prefix = options.prefix ?? "interleave";
  // BullMQ workers block on Redis: they need their own connection with no per-request retry cap.
  const connection = new IORedis(options.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(name, { connection, prefix });
  const workers: Worker[] = [];

  return {
    kind: "bullmq",
    async enqueue(submissionId, enqueueOptions) {
      // A finished job keeps its id (failed ones for a day): BullMQ would ignore a new job with the
      // same id, so a regrade could never queue the submission again. Drop it; a pending one stays.
      const existing = await queue.getJob(submissionId);
      if (existing) {
        const state = await existing.getState();
        if (state !== "completed" && state !== "failed" && state !== "unknown") return;
        await existing.remove().catch(() => undefined);
      }
      await queue.add(
        "grade",
        { submissionId },
        {
          jobId: submissionId,
          // BullMQ serves jobs without a priority before prioritized ones.
          ...(enqueueOptions?.priority === "low" ? { priority: 10 } : {}),
          attempts: retry.attempts,
          backoff: { type: "exponential", delay: retry.baseDelayMs },
          removeOnComplete: true,
          removeOnFail: { age: 24 * 3600 },
        },
      );
    },
    startWorker(handler: GradeJobHandler, { concurrency }) {
      const worker = new Worker(
        name,
        async (job) => {
          const submissionId = String(job.data.submissionId);
          try {
            await handler(submissionId);
          } catch (error) {
            if (error instanceof RetryableGradingError) throw error;
            options.onError?.(submissionId, error);
            throw new UnrecoverableError(error instanceof Error ? error.message : String(error));
          }
        },
        {
          connection: new IORedis(options.redisUrl, { maxRetriesPerRequest: null }),
          prefix,
          concurrency: Math.max(1, concurrency),
          lockDuration: options.lockDurationMs ?? 30_000,
          stalledInterval: Math.max(1000, Math.floor((options.lockDurationMs ?? 30_000) / 2)),
        },
      );
      worker.on("error", (error) => options.onError?.("(worker)", error));
      workers.push(worker);
    },
    async stats() {
      const counts = await queue.getJobCounts("waiting", "active", "delayed", "prioritized");
      return {
        waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
      };
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
      await queue.close();
      await connection.quit().catch(() => undefined);
    },
  };
}
