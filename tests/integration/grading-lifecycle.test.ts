/**
 * The whole Submit → verdict lifecycle on both databases and both queue backends, with the real
 * bubblewrap sandbox and (for BullMQ) real Redis: the row is persisted queued before any worker
 * runs, graded once with everything the UI shows, BestScore refreshed, and `submission:graded`
 * published only after the verdict is committed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/get-db";
import { findSubmission } from "@/lib/db/submissions";
import { submitSolution } from "@/lib/grading/submit-solution";
import { createSandboxRunner } from "@/lib/sandbox/create-sandbox-runner";
import type { SandboxRunner } from "@/lib/sandbox/sandbox-runner.types";
import { describeEachProvider, useTestDatabase } from "../helpers/db";
import {
  STUDENT_PROGRAMS,
  createGradingClass,
  createGradingHarness,
  insertLibraryExercise,
  referenceSolution,
  sandboxUidBase,
  waitForFinalStatus,
  wrongSolution,
  type Backend,
  type GradingClass,
  type GradingHarness,
} from "../helpers/grading";
import { redisAvailable } from "../helpers/redis";

const redisUp = await redisAvailable();
const BACKENDS: Backend[] = ["in-process", "bullmq"];
const CONCURRENCY = "05-create-task-concurrency";
const LOCK = "11-shared-counter-lock";

let sandbox: SandboxRunner;
beforeAll(() => {
  sandbox = createSandboxRunner({ mode: "bwrap", poolSize: 2, uidBase: sandboxUidBase(0) });
});
afterAll(() => sandbox.close());

interface StoredDivergence {
  reason: string;
}

describeEachProvider("grading lifecycle", (provider) => {
  useTestDatabase(provider);

  for (const backend of BACKENDS) {
    describe.skipIf(backend === "bullmq" && !redisUp)(`${backend} queue`, () => {
      let harness: GradingHarness;
      let klass: GradingClass;
      beforeAll(async () => {
        harness = await createGradingHarness({ backend, runner: sandbox });
        klass = await createGradingClass(3);
      });
      afterAll(() => harness.stop());

      it("persists the submission queued first, grades it once, refreshes BestScore and publishes after commit", async () => {
        const exercise = await insertLibraryExercise(klass.classId, CONCURRENCY);
        const [student] = klass.studentIds;
        const wrong = await submitSolution(
          {
            userId: student,
            exerciseId: exercise.id,
            code: await wrongSolution(CONCURRENCY, "wrong/sequential-awaits.py"),
          },
          harness.services,
        );
        const right = await submitSolution(
          { userId: student, exerciseId: exercise.id, code: await referenceSolution(CONCURRENCY) },
          harness.services,
        );
        expect([wrong.status, wrong.attemptNumber, right.attemptNumber]).toEqual(["queued", 1, 2]);

        // Nothing grades yet: the rows are already there, queued, against the current version.
        const queued = await findSubmission(wrong.id);
        expect(queued).toMatchObject({
          status: "queued",
          exerciseVersionId: exercise.version.id,
          claimAttempt: 0,
          verdict: null,
          gradedAt: null,
        });
        expect((await harness.services.queue.stats()).waiting).toBe(2);

        harness.startWorker();
        const [failed, passed] = await waitForFinalStatus([wrong.id, right.id]);
        expect(failed).toMatchObject({
          id: wrong.id,
          status: "failed",
          passed: false,
          failingSeed: 0,
          claimAttempt: 1,
          infraRetries: 0,
        });
        expect(failed.score).toBeGreaterThan(0);
        expect(failed.score).toBeLessThan(100);
        expect((failed.firstDivergence as StoredDivergence).reason).toBe("order");
        expect((failed.trace as { status: string; virtualTime: number }).status).toBe("ok");
        expect((failed.trace as { virtualTime: number }).virtualTime).toBe(4);
        expect(passed).toMatchObject({
          id: right.id,
          status: "passed",
          passed: true,
          score: 100,
          firstDivergence: null,
          failingSeed: null,
          claimAttempt: 1,
        });
        for (const row of [failed, passed]) {
          expect(row.runMs).toBeGreaterThanOrEqual(0);
          expect(row.startedAt!.getTime()).toBeGreaterThanOrEqual(row.queuedAt.getTime());
          expect(row.gradedAt!.getTime()).toBeGreaterThanOrEqual(row.startedAt!.getTime());
        }

        // The verdict and BestScore commit in one transaction: a graded row implies a fresh BestScore.
        const best = await getDb().bestScore.findUnique({
          where: { classId_userId_exerciseId: { classId: klass.classId, userId: student, exerciseId: exercise.id } },
        });
        expect(best).toMatchObject({ bestScore: 100, attempts: 2, bestSubmissionId: right.id });
        expect(best?.passedAt?.getTime()).toBe(passed.gradedAt?.getTime());
        const events = await harness.waitForEvents([wrong.id, right.id]);

        await new Promise((resolve) => setTimeout(resolve, 100)); // a duplicate would arrive by now
        const mine = (await harness.events()).filter((e) => e.event.exerciseId === exercise.id);
        expect(mine).toHaveLength(2);
        expect(events.map((e) => [e.event.submissionId, e.event.status, e.event.score, e.rowStatus]).sort()).toEqual(
          [
            [wrong.id, "failed", failed.score, "failed"],
            [right.id, "passed", 100, "passed"],
          ].sort(),
        );
        expect(mine.every((e) => e.event.classId === klass.classId && e.event.userId === student)).toBe(true);
      });

      it("fails a schedule-dependent bug on a later seed (failingSeed > 0)", async () => {
        const exercise = await insertLibraryExercise(klass.classId, LOCK);
        expect(exercise.version.schedules).toBe(5);
        harness.startWorker();
        const submitted = await submitSolution(
          { userId: klass.studentIds[1], exerciseId: exercise.id, code: await wrongSolution(LOCK, "wrong/no-lock.py") },
          harness.services,
        );
        const [row] = await waitForFinalStatus([submitted.id]);
        expect(row).toMatchObject({ status: "failed", passed: false });
        expect(row.failingSeed).toBeGreaterThan(0);
        const verdict = row.verdict as { kind: string; outcomes: { seed: number; passed: boolean }[] };
        expect(verdict.kind).toBe("program");
        // Seed 0 (CPython's own order) passes; the failing seed is the last one run.
        expect(verdict.outcomes[0]).toMatchObject({ seed: 0, passed: true });
        expect(verdict.outcomes.at(-1)).toMatchObject({ seed: row.failingSeed, passed: false });
        expect(row.tamperReason).toBeNull();
      });

      it("stores a student's timeout, deadlock and crash as failed verdicts, never as errors", async () => {
        const exercise = await insertLibraryExercise(klass.classId, CONCURRENCY, {
          slugSuffix: "-short",
          limits: { cpuSeconds: 0.3, wallSeconds: 2 },
        });
        const student = klass.studentIds[2];
        const ids: string[] = [];
        for (const code of [STUDENT_PROGRAMS.infiniteLoop, STUDENT_PROGRAMS.deadlock, STUDENT_PROGRAMS.crash]) {
          ids.push((await submitSolution({ userId: student, exerciseId: exercise.id, code }, harness.services)).id);
        }
        harness.startWorker();
        const rows = await waitForFinalStatus(ids);
        const runs = rows.map((row) => row.trace as { status: string; limit: string | null });
        expect(runs.map((run) => run.status)).toEqual(["limit", "deadlock", "error"]);
        // A busy machine may reach the wall-clock limit before the CPU one: either is a timeout.
        expect(["cpu", "wall"]).toContain(runs[0].limit);
        for (const row of rows) expect(row).toMatchObject({ status: "failed", passed: false, infraRetries: 0 });
        const events = await harness.waitForEvents(ids);
        expect(events.map((e) => e.event.status)).toEqual(["failed", "failed", "failed"]);
        const best = await getDb().bestScore.findUnique({
          where: { classId_userId_exerciseId: { classId: klass.classId, userId: student, exerciseId: exercise.id } },
        });
        expect(best).toMatchObject({ attempts: 3, passedAt: null });
        expect(best?.bestScore).toBe(Math.max(...rows.map((row) => row.score ?? 0)));
      });
    });
  }
});
