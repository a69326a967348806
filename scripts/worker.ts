/**
 * `npm run worker [-- --redis-prefix NAME]`: a grader process. It takes grade jobs from BullMQ on
 * Redis, runs them in this machine's sandbox pool and stores the verdicts in the shared database;
 * the web nodes learn about them through Redis pub/sub. Start as many as the class needs, on any
 * machine with the database, Redis and the sandbox packages.
 *
 * SIGTERM/SIGINT: stop taking jobs, let the running ones finish (up to JOB_GRACE_MS, else release
 * them to other workers), then exit 0.
 * The handler is installed before anything slow is loaded, so a signal during start-up also ends
 * in a clean exit 0 (it used to kill the process by the default action). Only a hard kill leaves
 * a job behind: its row stays running and any grader grades it again once it is older than
 * GRADING_STALE_AFTER_MS.
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

/**
 * Stops grading: running jobs get `graceMs` to finish; after that they are released — closing the
 * sandbox pool ends their runs as an infrastructure failure, which puts each row back to `queued`
 * and hands its job to BullMQ's retry, so another worker grades it a second later.
 */
async function stopGrading(
  grading: { stop(): Promise<void> },
  runner: { close(): Promise<void> },
  graceMs: number,
): Promise<void> {
  const stopped = grading.stop();
  let timer: NodeJS.Timeout | undefined;
  const finished = await Promise.race([
    stopped.then(() => true),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
  ]).finally(() => clearTimeout(timer));
  if (finished) return;
  logger.warn({ graceMs }, "jobs still running: releasing them to other workers");
  await runner.close();
  await stopped;
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
  // Closed once, by whichever comes first: the release of running jobs or the last step.
  let closing: Promise<void> | undefined;
  const pool = { close: () => (closing ??= runner.close()) };
  steps.push({ name: "sandbox pool", run: () => pool.close() });
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
    name: "grading: finish running jobs (or release them), take no new ones",
    run: () => stopGrading(grading, pool, JOB_GRACE_MS),
  });
  if (stopRequested) return;
  log(`grading with ${env.SANDBOX_POOL_SIZE} sandbox slot(s) (${sandbox.mode}), database ${env.databaseProvider}`);
}

startUp = main();
// After main() started: a signal that came while loading waits for start-up like any other.
takeOverEarlySignal(shutdown);
startUp.catch((error: unknown) => {
  console.error("npm run worker failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
