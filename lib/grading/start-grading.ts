import IORedis from "ioredis";
import type { SubmissionGradedPayload } from "@/lib/realtime/events";
import { createMemoryRateLimiter } from "@/lib/rate-limit/create-memory-rate-limiter";
import { createRedisRateLimiter } from "@/lib/rate-limit/create-redis-rate-limiter";
import { getMetrics } from "@/lib/metrics/metrics";
import type { SandboxRunner } from "@/lib/sandbox/sandbox-runner.types";
import { createBullmqQueue } from "./create-bullmq-queue";
import { createLocalGradedEventChannel, createRedisGradedEventChannel } from "./create-graded-event-channel";
import { createInProcessQueue } from "./create-in-process-queue";
import { createGroupCommit } from "./create-group-commit";
import { gradeSubmission } from "./grade-submission";
import { setGradedEventPublisher } from "./graded-event-publisher";
import type { GradingServices } from "./grading-services";
import { recoverSubmissions } from "./recover-submissions";

export interface StartGradingOptions {
  runner: SandboxRunner;
  /** BullMQ + Redis rate limits + Redis event fan-out when set; everything in-process otherwise. */
  redisUrl?: string;
  /** Key prefix in Redis (tests isolate themselves with it). */
  redisPrefix?: string;
  /** Does this process grade? (web server: yes by default; `npm run worker`: yes; a web-only node: no). */
  gradeHere: boolean;
  concurrency: number;
  /** Web nodes deliver graded events to their sockets; graders without sockets pass nothing. */
  deliver?: (event: SubmissionGradedPayload) => void;
  staleAfterMs?: number;
  /**
   * How long BullMQ waits before handing a silent worker's job to another one. Default: the stale
   * threshold, so a re-delivered job finds its row claimable (an earlier re-delivery would find it
   * still running, skip it, and leave it to the next recovery pass).
   */
  queueLockMs?: number;
  /** Default: every 30 s, or every `staleAfterMs` when that is shorter. */
  recoveryIntervalMs?: number;
  submitsPerMinute?: number;
  runsPerMinute?: number;
  log?: (message: string) => void;
}

export interface GradingRuntime {
  services: GradingServices;
  /** Re-enqueues what was left queued/running/failed; returns how many. */
  recover(): Promise<number>;
  stop(): Promise<void>;
}

const MINUTE = 60_000;
/**
 * In-process grade jobs in flight per sandbox slot: the sandbox pool queues the runs, while the
 * jobs' claims and verdicts meet in the group commit's batches (a burst's database work is per
 * batch). On BullMQ a worker takes only what its slots can run, leaving the rest to other workers.
 */
const JOBS_PER_SLOT = 8;

/** Wires queue, rate limiters, worker, event fan-out and periodic recovery for one process. */
export async function startGrading(options: StartGradingOptions): Promise<GradingRuntime> {
  const log = options.log ?? ((message: string) => console.log(`[grading] ${message}`));
  const staleAfterMs = options.staleAfterMs ?? 2 * MINUTE;
  const prefix = options.redisPrefix ?? "interleave";
  const redis = options.redisUrl ? new IORedis(options.redisUrl, { maxRetriesPerRequest: 2 }) : null;
  const queue = options.redisUrl
    ? createBullmqQueue({
        redisUrl: options.redisUrl,
        prefix,
        lockDurationMs: options.queueLockMs ?? staleAfterMs,
        onError: logJobError(log),
      })
    : createInProcessQueue({ onError: logJobError(log) });
  const channel = options.redisUrl
    ? createRedisGradedEventChannel(options.redisUrl, `${prefix}:submission:graded`)
    : createLocalGradedEventChannel();
  if (options.deliver) await channel.subscribe(options.deliver);
  setGradedEventPublisher((event) => channel.publish(event));

  const limiter = (limit: number, name: string) =>
    redis
      ? createRedisRateLimiter(redis, { limit, windowMs: MINUTE, prefix: `${prefix}:rate:${name}` })
      : createMemoryRateLimiter({ limit, windowMs: MINUTE });
  const services: GradingServices = {
    queue,
    runner: options.runner,
    submitLimiter: limiter(options.submitsPerMinute ?? 10, "submit"),
    runLimiter: limiter(options.runsPerMinute ?? 30, "run"),
  };

  if (options.gradeHere) {
    const commit = createGroupCommit();
    queue.startWorker(
      async (submissionId) => {
        const metrics = getMetrics();
        const stopTimer = metrics.gradingDuration.startTimer();
        const publish = (event: SubmissionGradedPayload) => {
          metrics.submissions.inc({ status: event.status });
          return channel.publish(event);
        };
        await gradeSubmission({
          submissionId,
          run: (request) => options.runner.run(request),
          publish,
          staleAfterMs,
          commit,
        }).finally(stopTimer);
      },
      { concurrency: options.redisUrl ? options.concurrency : options.concurrency * JOBS_PER_SLOT },
    );
  }
  const recover = () => recoverSubmissions({ queue, staleAfterMs });
  const recovered = await recover().catch((error: unknown) => {
    log(`recovery failed: ${String(error)}`);
    return 0;
  });
  if (recovered > 0) log(`re-enqueued ${recovered} submission(s) left from before`);
  const timer = setInterval(
    () => void recover().catch((error: unknown) => log(`recovery failed: ${String(error)}`)),
    options.recoveryIntervalMs ?? Math.min(30_000, staleAfterMs),
  );
  timer.unref();

  return {
    services,
    recover,
    async stop() {
      clearInterval(timer);
      setGradedEventPublisher(undefined);
      await queue.close();
      await channel.close();
      redis?.disconnect();
    },
  };
}

function logJobError(log: (message: string) => void) {
  return (submissionId: string, error: unknown) =>
    log(`job ${submissionId} failed: ${error instanceof Error ? error.message : String(error)}`);
}
