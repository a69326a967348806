/**
 * `npm run worker [-- --redis-prefix NAME]`: a grader process. It takes grade jobs from BullMQ on
 * Redis, runs them in this machine's sandbox pool and stores the verdicts in the shared database;
 * the web nodes learn about them through Redis pub/sub. Start as many as the class needs, on any
 * machine with the database, Redis and the sandbox packages.
 *
 * SIGTERM/SIGINT: stop taking jobs, let the running ones finish (up to JOB_GRACE_MS), then exit 0.
 * The handler is installed before anything slow is loaded, so a signal during start-up also ends
 * in a clean exit 0 (it used to kill the process, or arrive before the handler and be lost). A job
 * still running at the limit is left behind, not lost: its row stays running and any grader
 * grades it again once it is older than GRADING_STALE_AFTER_MS.
 */
// First: remembers a SIGTERM that comes while the rest loads (see the module).
import { takeOverEarlySignal } from "@/lib/runtime/early-signal-guard";
import { existsSync } from "node:fs";
import { getLogger } from "@/lib/observability/logger";
import { onShutdownSignal, type ShutdownStep } from "@/lib/runtime/on-shutdown-signal";

const logger = getLogger("worker");
/** Running jobs get this long after SIGTERM; the whole shutdown stays under the 15 s promise. */
const JOB_GRACE_MS = 10_000;

let stopRequested = false;
let startUp: Promise<void> = Promise.resolve();
/** Filled in as start-up creates things; the shutdown sequence walks it when the signal comes. */
const steps: ShutdownStep[] = [
  {
    name: "start-up: let it reach a stopping point",
    run: () => {
      stopRequested = true;
      return startUp.catch(() => undefined);
    },
  },
];
const shutdown = onShutdownSignal({ log: logger, steps });
takeOverEarlySignal(shutdown);

function log(message: string): void {
  logger.info(message);
}

function readRedisPrefix(argv: string[]): string | undefined {
  const index = argv.indexOf("--redis-prefix");
  if (index === -1) return undefined;
  const value = argv[index + 1];
  if (!value || value.startsWith("--")) throw new Error("--redis-prefix needs a value");
  return value;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Resolves after `run` or after `ms`, whichever comes first (the job is then left to recovery). */
async function atMost(ms: number, run: () => Promise<unknown>, onTimeout: () => void): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    run(),
    new Promise<void>((resolve) => (timer = setTimeout(() => (onTimeout(), resolve()), ms))),
  ]).finally(() => clearTimeout(timer));
}

async function main(): Promise<void> {
  log("starting");
  // Like server.ts: .env fills in what the environment does not set.
  if (existsSync(".env")) process.loadEnvFile(".env");
  if (!process.env.DATABASE_URL)
    fail(
      "npm run worker needs DATABASE_URL: the same database the web server uses (a SQLite file on this machine, or PostgreSQL).",
    );
  // Loaded here, after the signal handler: these imports take the longest part of start-up.
  const { getEnv } = await import("@/lib/config/env");
  const env = getEnv();
  if (!env.REDIS_URL)
    fail(
      "npm run worker needs REDIS_URL: separate grader processes share the queue through Redis.\n" +
        "Without Redis there is nothing to run here — the web server (npm start / npm run dev) grades\n" +
        "submissions in-process. Set REDIS_URL (e.g. redis://127.0.0.1:6379) for the server and the workers.",
    );
  const { createSandboxRunner } = await import("@/lib/sandbox/create-sandbox-runner");
  const { startGrading } = await import("@/lib/grading/start-grading");
  if (stopRequested) return;
  const runner = createSandboxRunner({ mode: env.SANDBOX, poolSize: env.SANDBOX_POOL_SIZE });
  steps.push({ name: "sandbox pool", run: () => runner.close() });
  const sandbox = runner.status();
  if (!sandbox.available)
    log(`WARNING: ${sandbox.message ?? "the sandbox is unavailable"} — jobs will be retried as infrastructure errors`);
  if (stopRequested) return;
  const grading = await startGrading({
    runner,
    redisUrl: env.REDIS_URL,
    redisPrefix: readRedisPrefix(process.argv.slice(2)),
    gradeHere: true,
    concurrency: env.SANDBOX_POOL_SIZE,
    staleAfterMs: env.GRADING_STALE_AFTER_MS,
    log,
  });
  // Before the pool: a running job needs its sandbox slot until it ends.
  steps.splice(steps.length - 1, 0, {
    name: "grading: finish running jobs, take no new ones",
    run: () =>
      atMost(JOB_GRACE_MS, grading.stop, () =>
        logger.warn("a job is still running: leaving it to recovery (GRADING_STALE_AFTER_MS)"),
      ),
  });
  if (stopRequested) return;
  log(`grading with ${env.SANDBOX_POOL_SIZE} sandbox slot(s) (${sandbox.mode}), database ${env.databaseProvider}`);
}

startUp = main();
startUp.catch((error: unknown) => {
  console.error("npm run worker failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
