/**
 * `npm run worker [-- --redis-prefix NAME]`: a grader process. It takes grade jobs from BullMQ on
 * Redis, runs them in this machine's sandbox pool and stores the verdicts in the shared database;
 * the web nodes learn about them through Redis pub/sub. Start as many as the class needs, on any
 * machine with the database, Redis and the sandbox packages.
 *
 * SIGTERM/SIGINT: stop taking jobs, let the running ones finish (up to a grace period), then exit 0.
 * A job cut off by a hard kill is not lost: its row stays running and is graded again by any grader
 * once it is older than GRADING_STALE_AFTER_MS.
 */
import { existsSync } from "node:fs";
import { getEnv } from "@/lib/config/env";
import { startGrading } from "@/lib/grading/start-grading";
import { getLogger } from "@/lib/observability/logger";
import { onShutdownSignal } from "@/lib/runtime/on-shutdown-signal";
import { createSandboxRunner } from "@/lib/sandbox/create-sandbox-runner";

const logger = getLogger("worker");

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

async function main(): Promise<void> {
  // Like server.ts: .env fills in what the environment does not set.
  if (existsSync(".env")) process.loadEnvFile(".env");
  if (!process.env.DATABASE_URL) {
    console.error(
      "npm run worker needs DATABASE_URL: the same database the web server uses (a SQLite file on this machine, or PostgreSQL).",
    );
    process.exit(1);
  }
  const env = getEnv();
  if (!env.REDIS_URL) {
    console.error(
      "npm run worker needs REDIS_URL: separate grader processes share the queue through Redis.\n" +
        "Without Redis there is nothing to run here — the web server (npm start / npm run dev) grades\n" +
        "submissions in-process. Set REDIS_URL (e.g. redis://127.0.0.1:6379) for the server and the workers.",
    );
    process.exit(1);
  }
  const runner = createSandboxRunner({ mode: env.SANDBOX, poolSize: env.SANDBOX_POOL_SIZE });
  const sandbox = runner.status();
  if (!sandbox.available)
    log(`WARNING: ${sandbox.message ?? "the sandbox is unavailable"} — jobs will be retried as infrastructure errors`);
  const grading = await startGrading({
    runner,
    redisUrl: env.REDIS_URL,
    redisPrefix: readRedisPrefix(process.argv.slice(2)),
    gradeHere: true,
    concurrency: env.SANDBOX_POOL_SIZE,
    staleAfterMs: env.GRADING_STALE_AFTER_MS,
    log,
  });
  log(`grading with ${env.SANDBOX_POOL_SIZE} sandbox slot(s) (${sandbox.mode}), database ${env.databaseProvider}`);

  // Jobs still running at the grace limit are abandoned (exit 1); recovery grades them elsewhere.
  onShutdownSignal({
    log: logger,
    steps: [
      { name: "grading: finish running jobs, take no new ones", run: () => grading.stop() },
      { name: "sandbox pool", run: () => runner.close() },
    ],
  });
}

main().catch((error: unknown) => {
  console.error("npm run worker failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
