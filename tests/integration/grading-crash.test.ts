/**
 * Crash safety. A real `scripts/worker.ts` process on BullMQ is SIGKILLed while jobs are running and
 * restarted: every submission ends graded exactly once (one claim that stored, one event). And on
 * the in-process backend, rows a dead process left running are recovered after the stale threshold
 * and not before.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/get-db";
import { createBullmqQueue } from "@/lib/grading/create-bullmq-queue";
import { createRedisGradedEventChannel } from "@/lib/grading/create-graded-event-channel";
import { recoverSubmissions } from "@/lib/grading/recover-submissions";
import { submitSolution } from "@/lib/grading/submit-solution";
import { createMemoryRateLimiter } from "@/lib/rate-limit/create-memory-rate-limiter";
import { createSandboxRunner } from "@/lib/sandbox/create-sandbox-runner";
import type { SubmissionGradedPayload } from "@/lib/realtime/events";
import { describeEachProvider, useTestDatabase } from "../helpers/db";
import {
  createGradingClass,
  createGradingHarness,
  insertLibraryExercise,
  referenceSolution,
  sandboxUidBase,
  waitFor,
  waitForFinalStatus,
} from "../helpers/grading";
import { TEST_REDIS_URL, deleteKeys, redisAvailable, uniquePrefix } from "../helpers/redis";

const redisUp = await redisAvailable();
const REPO_ROOT = path.resolve(__dirname, "..", "..");
const EXERCISE = "05-create-task-concurrency";
// Above a job's run time (~1 s of CPU) even on a busy machine, so only the killed jobs are re-claimed.
const STALE_MS = 2_000;

/** The reference solution after ~1 s of CPU: passes, and is slow enough to be killed mid-run. */
async function slowPassingSolution(): Promise<string> {
  const burn = "import time\n_end = time.process_time() + 1.0\nwhile time.process_time() < _end:\n    pass\n";
  return burn + (await referenceSolution(EXERCISE));
}

function startWorker(databaseUrl: string, prefix: string): { child: ChildProcess; output: () => string } {
  // `node --import tsx`, not the tsx CLI: the CLI runs the script in a child process that a
  // SIGKILL of the CLI would leave behind.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts", "--redis-prefix", prefix], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_URL: databaseUrl,
      REDIS_URL: TEST_REDIS_URL,
      SANDBOX: "bwrap",
      SANDBOX_POOL_SIZE: "2",
      SANDBOX_UID_BASE: String(sandboxUidBase(1)),
      GRADING_STALE_AFTER_MS: String(STALE_MS),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}

describeEachProvider("grading crash safety", (provider) => {
  const database = useTestDatabase(provider);

  describe.skipIf(!redisUp)("a BullMQ worker process killed mid-job", () => {
    const prefix = uniquePrefix("crash");
    const children: ChildProcess[] = [];
    afterEach(() => {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    });
    afterAll(() => deleteKeys(prefix));

    it("is restarted and every submission is graded exactly once", async () => {
      const klass = await createGradingClass(3);
      const exercise = await insertLibraryExercise(klass.classId, EXERCISE);
      const queue = createBullmqQueue({ redisUrl: TEST_REDIS_URL, prefix });
      const limiter = createMemoryRateLimiter({ limit: 100, windowMs: 60_000 });
      const services = {
        queue,
        runner: createSandboxRunner({ poolSize: 1, uidBase: sandboxUidBase(2) }),
        submitLimiter: limiter,
        runLimiter: limiter,
      };
      const channel = createRedisGradedEventChannel(TEST_REDIS_URL, `${prefix}:submission:graded`);
      const events: SubmissionGradedPayload[] = [];
      await channel.subscribe((event) => events.push(event));
      try {
        const code = await slowPassingSolution();
        // Student 0 submits twice: BestScore must count 2 attempts, not 3.
        const authors = [klass.studentIds[0], klass.studentIds[0], klass.studentIds[1], klass.studentIds[2]];
        const ids: string[] = [];
        for (const userId of authors)
          ids.push((await submitSolution({ userId, exerciseId: exercise.id, code }, services)).id);

        const first = startWorker(database.current().url, prefix);
        children.push(first.child);
        const running = await waitFor(
          async () => {
            const rows = await getDb().submission.findMany({
              where: { status: "running" },
              select: { id: true, claimAttempt: true },
            });
            return rows.length === 2 ? rows : null;
          },
          { timeoutMs: 20_000, what: `the first worker to run 2 jobs\n${first.output()}` },
        );
        first.child.kill("SIGKILL");
        expect(await exited(first.child)).toEqual({ code: null, signal: "SIGKILL" });
        expect(await getDb().submission.count({ where: { status: { in: ["passed", "failed"] } } })).toBe(0);
        expect(running.every((row) => row.claimAttempt === 1)).toBe(true);

        const second = startWorker(database.current().url, prefix);
        children.push(second.child);
        const rows = await waitForFinalStatus(ids, { timeoutMs: 30_000 });
        expect(rows.map((row) => [row.status, row.passed, row.score])).toEqual(ids.map(() => ["passed", true, 100]));
        // The killed jobs were claimed again; the others normally once (a job slower than the stale
        // threshold on an overloaded machine may be re-claimed too — still stored and published once).
        const killed = new Set(running.map((row) => row.id));
        for (const row of rows) expect(row.claimAttempt).toBeGreaterThanOrEqual(killed.has(row.id) ? 2 : 1);
        expect(rows.filter((row) => killed.has(row.id)).every((row) => row.claimAttempt >= 2)).toBe(true);

        await waitFor(async () => events.length >= ids.length, { what: "one event per submission" });
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(events.map((event) => event.submissionId).sort()).toEqual([...ids].sort());
        const best = await getDb().bestScore.findMany({ where: { exerciseId: exercise.id } });
        expect(Object.fromEntries(best.map((row) => [row.userId, [row.attempts, row.bestScore]]))).toEqual({
          [klass.studentIds[0]]: [2, 100],
          [klass.studentIds[1]]: [1, 100],
          [klass.studentIds[2]]: [1, 100],
        });

        // SIGTERM while a job runs: the worker finishes it, then exits 0.
        const last = await submitSolution({ userId: klass.studentIds[1], exerciseId: exercise.id, code }, services);
        await waitFor(
          async () => (await getDb().submission.findUnique({ where: { id: last.id } }))?.status === "running",
          { what: "the last job to start" },
        );
        second.child.kill("SIGTERM");
        expect((await exited(second.child)).code).toBe(0);
        expect(second.output()).toContain("stopped");
        expect(await getDb().submission.findUnique({ where: { id: last.id } })).toMatchObject({
          status: "passed",
          passed: true,
        });
      } finally {
        await channel.close();
        await queue.close();
        await services.runner.close();
      }
    }, 60_000);
  });

  describe("in-process recovery of rows a dead process left running", () => {
    it("re-enqueues them only after the stale threshold, then grades each once", async () => {
      const klass = await createGradingClass(1);
      const exercise = await insertLibraryExercise(klass.classId, EXERCISE);
      const runner = createSandboxRunner({ poolSize: 1, uidBase: sandboxUidBase(2) });
      const harness = await createGradingHarness({ backend: "in-process", runner, staleAfterMs: STALE_MS });
      try {
        const code = await referenceSolution(EXERCISE);
        const ids: string[] = [];
        for (let i = 0; i < 2; i += 1)
          ids.push(
            (await submitSolution({ userId: klass.studentIds[0], exerciseId: exercise.id, code }, harness.services)).id,
          );
        // What a process that died mid-job leaves behind; its in-memory queue died with it.
        const startedAt = new Date();
        await getDb().submission.updateMany({
          where: { id: { in: ids } },
          data: { status: "running", claimAttempt: 1, startedAt },
        });
        harness.startWorker();
        // The fresh harness's queue already holds the ids (submit enqueued them): grading them
        // now must find nothing claimable, because the rows are running and not yet stale.
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(await getDb().submission.count({ where: { id: { in: ids }, status: "running" } })).toBe(2);

        const recover = () => recoverSubmissions({ queue: harness.services.queue, staleAfterMs: STALE_MS });
        expect(await recover()).toBe(0);
        await new Promise((resolve) => setTimeout(resolve, STALE_MS + 100 - (Date.now() - startedAt.getTime())));
        expect(await recover()).toBe(2);
        const rows = await waitForFinalStatus(ids);
        expect(rows.map((row) => [row.status, row.passed, row.claimAttempt])).toEqual([
          ["passed", true, 2],
          ["passed", true, 2],
        ]);
        const events = await harness.waitForEvents(ids);
        expect(events).toHaveLength(2);
        expect(await recover()).toBe(0);
      } finally {
        await harness.stop();
        await runner.close();
      }
    });
  });
});
