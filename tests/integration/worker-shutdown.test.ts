/**
 * Graceful shutdown of `npm run worker` (the command compose.yaml runs): SIGTERM while a job runs
 * lets the job finish and exits 0 within 15 s; SIGTERM during start-up (it used to kill the
 * process, exit 143) also exits 0, and the job it may have seen is graded by the next worker.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/get-db";
import { createBullmqQueue } from "@/lib/grading/create-bullmq-queue";
import { submitSolution } from "@/lib/grading/submit-solution";
import { createMemoryRateLimiter } from "@/lib/rate-limit/create-memory-rate-limiter";
import type { SandboxRunner } from "@/lib/sandbox/sandbox-runner.types";
import { ensureProductionBuild, freePort } from "@/scripts/production-build";
import { createTestDatabase, useTestDatabase } from "../helpers/db";
import {
  createGradingClass,
  insertLibraryExercise,
  referenceSolution,
  waitFor,
  waitForFinalStatus,
} from "../helpers/grading";
import { TEST_REDIS_URL, deleteKeys, redisAvailable, uniquePrefix } from "../helpers/redis";

const redisUp = await redisAvailable();
const REPO_ROOT = path.resolve(__dirname, "..", "..");
const EXERCISE = "05-create-task-concurrency";

interface Worker {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

const WORKER_SCRIPT = (
  JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  }
).scripts.worker;

/**
 * `viaNpm`: exactly what compose.yaml runs. Otherwise the npm script's command line under `sh -c`
 * (what npm does, minus npm's own ~0.5 s boot), so an early signal lands in the worker's start-up.
 */
function startWorker(databaseUrl: string, prefix: string, viaNpm = true): Worker {
  const [command, args] = viaNpm
    ? ["npm", ["run", "--silent", "worker", "--", "--redis-prefix", prefix]]
    : ["sh", ["-c", `${WORKER_SCRIPT} --redis-prefix ${prefix}`]];
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_URL: databaseUrl,
      REDIS_URL: TEST_REDIS_URL,
      SANDBOX_POOL_SIZE: "1",
      // A range no other test file uses: a clash (RLIMIT_NPROC is per uid) turns runs into retries.
      SANDBOX_UID_BASE: "63140",
      GRADING_STALE_AFTER_MS: "3000",
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: clean-up kills npm AND the worker it started (killing npm alone
    // left the worker running after the test, still polling the queue).
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  return { child, output: () => output, exited };
}

/** SIGKILL to the worker's whole process group (npm, sh and node), whatever state it is in. */
function killGroup(worker: Worker): void {
  try {
    if (worker.child.pid) process.kill(-worker.child.pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}

/** A CPU-bound prefix makes the job last ~1.5 s: long enough to be caught mid-run. */
async function slowPassingSolution(): Promise<string> {
  const burn = "import time\n_end = time.process_time() + 1.5\nwhile time.process_time() < _end:\n    pass\n";
  return burn + (await referenceSolution(EXERCISE));
}

const limiter = createMemoryRateLimiter({ limit: 100, windowMs: 60_000 });
// Submitting only stores and enqueues; the spawned workers do the grading.
const unusedRunner: SandboxRunner = {
  run: () => Promise.reject(new Error("not used")),
  status: () => {
    throw new Error("not used");
  },
  close: async () => undefined,
};

describe.skipIf(!redisUp)("npm run worker on SIGTERM", () => {
  const database = useTestDatabase("sqlite");
  const prefix = uniquePrefix("shutdown");
  const workers: Worker[] = [];
  const queue = createBullmqQueue({ redisUrl: TEST_REDIS_URL, prefix });
  const services = { queue, runner: unusedRunner, submitLimiter: limiter, runLimiter: limiter };

  afterEach(() => {
    for (const worker of workers)
      if (worker.child.exitCode === null && worker.child.signalCode === null) killGroup(worker);
  });
  afterAll(async () => {
    await queue.close();
    await deleteKeys(prefix);
  });

  it("finishes the running job, then exits 0 within 15 s", async () => {
    const klass = await createGradingClass(1);
    const exercise = await insertLibraryExercise(klass.classId, EXERCISE);
    const submitted = await submitSolution(
      { userId: klass.studentIds[0], exerciseId: exercise.id, code: await slowPassingSolution() },
      services,
    );
    const worker = startWorker(database.current().url, prefix);
    workers.push(worker);
    await waitFor(
      async () => (await getDb().submission.findUnique({ where: { id: submitted.id } }))?.status === "running",
      { timeoutMs: 30_000, what: `the job to start\n${worker.output()}` },
    );
    const signalledAt = Date.now();
    worker.child.kill("SIGTERM");
    const exit = await worker.exited;
    expect(exit, worker.output()).toMatchObject({ code: 0, signal: null });
    expect(exit.at - signalledAt).toBeLessThan(15_000);
    expect(worker.output()).toContain('"msg":"stopped"');
    // Normally finished by this worker; on an overloaded machine a run can end as an infrastructure
    // retry instead: then it must be back in the queue (released), never left "running".
    const after = await getDb().submission.findUnique({ where: { id: submitted.id } });
    expect(["passed", "queued"], worker.output()).toContain(after?.status);
    if (after?.status === "queued") {
      const next = startWorker(database.current().url, prefix);
      workers.push(next);
      const [row] = await waitForFinalStatus([submitted.id], { timeoutMs: 30_000 });
      expect(row).toMatchObject({ status: "passed", passed: true });
    } else expect(after).toMatchObject({ passed: true, claimAttempt: 1 });
  }, 60_000);

  it("exits 0 on a SIGTERM during start-up, and the queued job is graded by the next worker", async () => {
    const klass = await createGradingClass(1);
    const exercise = await insertLibraryExercise(klass.classId, EXERCISE, { slugSuffix: "-b" });
    const submitted = await submitSolution(
      { userId: klass.studentIds[0], exerciseId: exercise.id, code: await referenceSolution(EXERCISE) },
      services,
    );
    for (const delayMs of [300, 600, 1000]) {
      const worker = startWorker(database.current().url, prefix, false);
      workers.push(worker);
      // node, tsx and the worker's modules are still loading ("grading with …" is not printed yet).
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const started = worker.output().includes("grading with");
      const signalledAt = Date.now();
      worker.child.kill("SIGTERM");
      const exit = await worker.exited;
      expect(exit, `after ${delayMs} ms (started: ${started})\n${worker.output()}`).toMatchObject({
        code: 0,
        signal: null,
      });
      expect(exit.at - signalledAt).toBeLessThan(15_000);
    }
    // Whatever those workers saw is not stuck: it is either done or graded by the next one.
    const next = startWorker(database.current().url, prefix);
    workers.push(next);
    const [row] = await waitForFinalStatus([submitted.id], { timeoutMs: 30_000 });
    expect(row).toMatchObject({ status: "passed", passed: true });
    await waitFor(async () => next.output().includes("grading with"), { what: `the next worker\n${next.output()}` });
    next.child.kill("SIGTERM");
    expect((await next.exited).code).toBe(0);
  }, 90_000);
});

describe("the web server (node dist/server.js) on SIGTERM during start-up", () => {
  it("stops cleanly with exit 0 instead of dying by the signal", async () => {
    ensureProductionBuild();
    const database = await createTestDatabase("sqlite");
    try {
      // Node's own boot (≈ 0.1–0.3 s on a loaded machine) runs no code of ours; after it, all of
      // start-up — loading the bundle, Next's prepare(), the grader — is covered.
      const beforeReady: boolean[] = [];
      for (const delayMs of [500, 1000]) {
        const child = spawn(process.execPath, ["dist/server.js"], {
          cwd: REPO_ROOT,
          env: {
            ...process.env,
            NODE_ENV: "production",
            PORT: String(await freePort()),
            HOSTNAME: "127.0.0.1",
            NEXTAUTH_SECRET: "x".repeat(32),
            DATABASE_URL: database.url,
            REDIS_URL: "",
            SANDBOX_UID_BASE: "63150",
          },
          stdio: ["ignore", "pipe", "pipe"],
        });
        let output = "";
        child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
        child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
        const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
          child.once("exit", (code, signal) => resolve({ code, signal })),
        );
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        beforeReady.push(!output.includes("Interleave ready"));
        const signalledAt = Date.now();
        child.kill("SIGTERM");
        expect(await exited, `after ${delayMs} ms\n${output}`).toEqual({ code: 0, signal: null });
        expect(Date.now() - signalledAt).toBeLessThan(15_000);
      }
      expect(beforeReady, "the signal came during start-up at least once").toContain(true);
    } finally {
      await database.drop();
    }
  }, 120_000);
});

describe.skipIf(!redisUp)("npm run worker on SIGTERM with a job longer than the grace period", () => {
  const database = useTestDatabase("sqlite");
  const prefix = uniquePrefix("release");
  const queue = createBullmqQueue({ redisUrl: TEST_REDIS_URL, prefix });
  const services = { queue, runner: unusedRunner, submitLimiter: limiter, runLimiter: limiter };
  const workers: Worker[] = [];
  afterAll(async () => {
    for (const worker of workers) killGroup(worker);
    await queue.close();
    await deleteKeys(prefix);
  });

  it("releases the job after 10 s, exits 0 within 15 s, and another worker grades it", async () => {
    const klass = await createGradingClass(1);
    const exercise = await insertLibraryExercise(klass.classId, EXERCISE, {
      slugSuffix: "-long",
      limits: { cpuSeconds: 30, wallSeconds: 60 },
    });
    // ~11 s of CPU: still running when the 10 s grace period ends.
    const burn = "import time\n_end = time.process_time() + 11\nwhile time.process_time() < _end:\n    pass\n";
    const submitted = await submitSolution(
      { userId: klass.studentIds[0], exerciseId: exercise.id, code: burn + (await referenceSolution(EXERCISE)) },
      services,
    );
    const first = startWorker(database.current().url, prefix);
    workers.push(first);
    await waitFor(
      async () => (await getDb().submission.findUnique({ where: { id: submitted.id } }))?.status === "running",
      { timeoutMs: 30_000, what: `the job to start\n${first.output()}` },
    );
    const signalledAt = Date.now();
    first.child.kill("SIGTERM");
    const exit = await first.exited;
    expect(exit, first.output()).toMatchObject({ code: 0, signal: null });
    expect(exit.at - signalledAt).toBeLessThan(15_000);
    expect(first.output()).toContain("releasing them to other workers");
    // Released: back in the queue at once, not left running until it looks stale.
    expect(await getDb().submission.findUnique({ where: { id: submitted.id } })).toMatchObject({
      status: "queued",
      claimAttempt: 1,
    });

    const second = startWorker(database.current().url, prefix);
    workers.push(second);
    const [row] = await waitForFinalStatus([submitted.id], { timeoutMs: 60_000 });
    expect(row).toMatchObject({ status: "passed", passed: true });
    expect(row.claimAttempt).toBe(2);
  }, 150_000);
});
