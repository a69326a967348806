/**
 * What must never be blamed on a student or counted twice: a sandbox outage (INFRA_ERROR, retried,
 * not an attempt, graded once it is back), duplicate job delivery (one verdict, one stored claim),
 * a stale worker finishing late, concurrent BestScore refreshes, and tampering (NEEDS_REVIEW, 0).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/get-db";
import { claimSubmission, findSubmission, storeGradedResult } from "@/lib/db/submissions";
import { storeVerdict } from "@/lib/grading/store-verdict";
import { gradeSubmission } from "@/lib/grading/grade-submission";
import { recoverSubmissions } from "@/lib/grading/recover-submissions";
import { submitSolution } from "@/lib/grading/submit-solution";
import { createSandboxRunner } from "@/lib/sandbox/create-sandbox-runner";
import type { SandboxRunner } from "@/lib/sandbox/sandbox-runner.types";
import type { SubmissionGradedPayload } from "@/lib/realtime/events";
import { describeEachProvider, useTestDatabase } from "../helpers/db";
import {
  STUDENT_PROGRAMS,
  createGradingClass,
  createGradingHarness,
  createSwitchableRunner,
  insertLibraryExercise,
  referenceSolution,
  sandboxUidBase,
  waitFor,
  waitForFinalStatus,
  wrongSolution,
  type Backend,
  type GradingClass,
} from "../helpers/grading";
import { redisAvailable } from "../helpers/redis";

const redisUp = await redisAvailable();
const BACKENDS: Backend[] = ["in-process", "bullmq"];
const EXERCISE = "05-create-task-concurrency";
const RETRY = { attempts: 3, baseDelayMs: 150, maxDelayMs: 300 };

let sandbox: SandboxRunner;
let unavailable: SandboxRunner;
beforeAll(() => {
  sandbox = createSandboxRunner({ mode: "bwrap", poolSize: 2, uidBase: sandboxUidBase(3) });
  unavailable = createSandboxRunner({ mode: "bwrap", bwrapPath: "/nonexistent/bwrap" });
});
afterAll(async () => {
  await sandbox.close();
  await unavailable.close();
});

async function bestScoreOf(klass: GradingClass, userId: string, exerciseId: string) {
  return getDb().bestScore.findUnique({ where: { classId_userId_exerciseId: { classId: klass.classId, userId, exerciseId } } });
}

describeEachProvider("grading faults", (provider) => {
  useTestDatabase(provider);
  let klass: GradingClass;
  beforeAll(async () => {
    klass = await createGradingClass(4);
  });

  for (const backend of BACKENDS) {
    describe.skipIf(backend === "bullmq" && !redisUp)(`${backend} queue`, () => {
      it("turns a sandbox outage into INFRA_ERROR (retried, not an attempt) and grades once the sandbox is back", async () => {
        expect(unavailable.status().available).toBe(false);
        const exercise = await insertLibraryExercise(klass.classId, EXERCISE, { slugSuffix: `-infra-${backend}` });
        const student = klass.studentIds[0];
        const switchable = createSwitchableRunner(sandbox);
        const harness = await createGradingHarness({ backend, runner: switchable.runner, retry: RETRY });
        harness.startWorker();
        try {
          const good = await submitSolution({ userId: student, exerciseId: exercise.id, code: await referenceSolution(EXERCISE) }, harness.services);
          await harness.waitForEvents([good.id]);

          switchable.use(unavailable);
          // A: the queue's retries run out while the sandbox is down; recovery retries it later.
          const a = await submitSolution({ userId: student, exerciseId: exercise.id, code: await wrongSolution(EXERCISE, "wrong/sequential-awaits.py") }, harness.services);
          const exhausted = await waitFor(async () => {
            const row = await findSubmission(a.id);
            const stats = await harness.services.queue.stats();
            return row?.infraRetries === RETRY.attempts && stats.active + stats.waiting + stats.delayed === 0 ? row : null;
          });
          expect(exhausted).toMatchObject({ status: "INFRA_ERROR", passed: null, score: null, claimAttempt: RETRY.attempts });
          expect((exhausted.verdict as { infraError: string }).infraError).toMatch(/sandbox|bubblewrap|missing|unavailable/i);
          // The student's record is untouched: one graded attempt, no event for the outage.
          expect(await bestScoreOf(klass, student, exercise.id)).toMatchObject({ attempts: 1, bestScore: 100 });
          expect((await harness.events()).map((e) => e.event.submissionId)).toEqual([good.id]);

          // B: the sandbox comes back between two retries; the queue's own retry grades it.
          const b = await submitSolution({ userId: student, exerciseId: exercise.id, code: await referenceSolution(EXERCISE) }, harness.services);
          await waitFor(async () => ((await findSubmission(b.id))?.infraRetries ?? 0) >= 1);
          switchable.use(sandbox);
          const [gradedB] = await waitForFinalStatus([b.id]);
          expect(gradedB).toMatchObject({ status: "GRADED", passed: true });
          expect(gradedB.infraRetries).toBeGreaterThanOrEqual(1);
          expect(gradedB.claimAttempt).toBe(gradedB.infraRetries + 1);

          // A again: recovery re-enqueues INFRA_ERROR rows (BullMQ must accept the failed job's id again).
          expect(await recoverSubmissions({ queue: harness.services.queue, staleAfterMs: 60_000, infraRetryAfterMs: 0 })).toBe(1);
          const [gradedA] = await waitForFinalStatus([a.id]);
          expect(gradedA).toMatchObject({ status: "GRADED", passed: false, infraRetries: RETRY.attempts, claimAttempt: RETRY.attempts + 1 });
          await harness.waitForEvents([good.id, a.id, b.id]);
          expect(await bestScoreOf(klass, student, exercise.id)).toMatchObject({ attempts: 3, bestScore: 100 });
        } finally {
          await harness.stop();
        }
      });

      it("grades a submission enqueued twice (and again after it is graded) exactly once", async () => {
        const exercise = await insertLibraryExercise(klass.classId, EXERCISE, { slugSuffix: `-dup-${backend}` });
        const harness = await createGradingHarness({ backend, runner: sandbox });
        try {
          const submitted = await submitSolution({ userId: klass.studentIds[1], exerciseId: exercise.id, code: await referenceSolution(EXERCISE) }, harness.services);
          await harness.services.queue.enqueue(submitted.id);
          expect((await harness.services.queue.stats()).waiting).toBe(1);
          harness.startWorker();
          const [row] = await waitForFinalStatus([submitted.id]);
          await harness.waitForEvents([submitted.id]);
          await harness.services.queue.enqueue(submitted.id);
          await waitFor(async () => {
            const stats = await harness.services.queue.stats();
            return stats.waiting + stats.active === 0;
          });
          await new Promise((resolve) => setTimeout(resolve, 200));
          expect(await findSubmission(submitted.id)).toMatchObject({ status: "GRADED", claimAttempt: 1, gradedAt: row.gradedAt });
          expect((await harness.events()).filter((e) => e.event.submissionId === submitted.id)).toHaveLength(1);
          expect(await bestScoreOf(klass, klass.studentIds[1], exercise.id)).toMatchObject({ attempts: 1 });
        } finally {
          await harness.stop();
        }
      });
    });
  }

  it("two concurrent gradeSubmission calls for one id: one verdict, one event; a re-run after grading changes nothing", async () => {
    const exercise = await insertLibraryExercise(klass.classId, EXERCISE, { slugSuffix: "-concurrent" });
    const harness = await createGradingHarness({ backend: "in-process", runner: sandbox });
    try {
      const submitted = await submitSolution({ userId: klass.studentIds[2], exerciseId: exercise.id, code: await referenceSolution(EXERCISE) }, harness.services);
      const published: SubmissionGradedPayload[] = [];
      const grade = () => gradeSubmission({ submissionId: submitted.id, run: (request) => sandbox.run(request), publish: (event) => published.push(event), staleAfterMs: 60_000 });
      expect((await Promise.all([grade(), grade()])).sort()).toEqual(["graded", "skipped"]);
      const row = await findSubmission(submitted.id);
      expect(row).toMatchObject({ status: "GRADED", passed: true, claimAttempt: 1 });
      expect(await grade()).toBe("skipped");
      expect(await findSubmission(submitted.id)).toMatchObject({ claimAttempt: 1, gradedAt: row?.gradedAt });
      expect(published.map((event) => event.submissionId)).toEqual([submitted.id]);
    } finally {
      await harness.stop();
    }
  });

  it("ignores a stale worker's late result once the row was re-claimed", async () => {
    const exercise = await insertLibraryExercise(klass.classId, EXERCISE, { slugSuffix: "-stale" });
    const harness = await createGradingHarness({ backend: "in-process", runner: sandbox });
    try {
      const submitted = await submitSolution({ userId: klass.studentIds[2], exerciseId: exercise.id, code: "print(1)\n" }, harness.services);
      const everythingStale = new Date(Date.now() + 60_000);
      const stale = await claimSubmission(submitted.id, everythingStale);
      const fresh = await claimSubmission(submitted.id, everythingStale);
      expect([stale?.claimAttempt, fresh?.claimAttempt]).toEqual([1, 2]);
      const fields = { status: "GRADED" as const, passed: false, score: 0, verdict: {}, trace: {}, firstDivergence: null, failingSeed: null, runMs: 1 };
      expect(await storeGradedResult(submitted.id, 1, { ...fields, score: 99 })).toBe(false);
      expect(await storeGradedResult(submitted.id, 2, fields)).toBe(true);
      expect(await storeGradedResult(submitted.id, 2, { ...fields, score: 50 })).toBe(false);
      expect(await findSubmission(submitted.id)).toMatchObject({ status: "GRADED", score: 0, claimAttempt: 2 });
    } finally {
      await harness.stop();
    }
  });

  it("keeps BestScore exact when many gradings of one student finish at once", async () => {
    const harness = await createGradingHarness({ backend: "in-process", runner: sandbox });
    const student = klass.studentIds[3];
    try {
      // Several rounds with jitter: the lost update (read A, read B, write B, write A) needs an
      // unlucky interleaving, which a single round rarely produces.
      for (let round = 0; round < 4; round += 1) {
        const exercise = await insertLibraryExercise(klass.classId, EXERCISE, { slugSuffix: `-race-${round}` });
        const ids: string[] = [];
        for (let i = 0; i < 6; i += 1) ids.push((await submitSolution({ userId: student, exerciseId: exercise.id, code: `print(${i})\n` }, harness.services)).id);
        const claims = await Promise.all(ids.map((id) => claimSubmission(id, new Date())));
        const key = { classId: klass.classId, userId: student, exerciseId: exercise.id };
        await Promise.all(
          claims.map(async (claim, i) => {
            await new Promise((resolve) => setTimeout(resolve, Math.random() * 4));
            const fields = { status: "GRADED" as const, passed: i === 4, score: i * 10, verdict: {}, trace: {}, firstDivergence: null, failingSeed: null, runMs: 1 };
            expect(await storeVerdict(claim!.id, claim!.claimAttempt, fields, key)).toBe(true);
          }),
        );
        expect(await bestScoreOf(klass, student, exercise.id)).toMatchObject({ attempts: 6, bestScore: 50, bestSubmissionId: ids[5] });
      }
    } finally {
      await harness.stop();
    }
  });

  it("holds a tampering submission for review with score 0, even when its output is right", async () => {
    const exercise = await insertLibraryExercise(klass.classId, EXERCISE, { slugSuffix: "-tamper" });
    const harness = await createGradingHarness({ backend: "in-process", runner: sandbox });
    harness.startWorker();
    const student = klass.studentIds[3];
    try {
      const code = `import gc\n${await referenceSolution(EXERCISE)}`;
      const flagged = await submitSolution({ userId: student, exerciseId: exercise.id, code }, harness.services);
      const alsoFlagged = await submitSolution({ userId: student, exerciseId: exercise.id, code: STUDENT_PROGRAMS.tamper }, harness.services);
      const rows = await waitForFinalStatus([flagged.id, alsoFlagged.id]);
      for (const row of rows) {
        expect(row).toMatchObject({ status: "NEEDS_REVIEW", passed: false, score: 0 });
        expect((row.verdict as { tamper: { reason: string } }).tamper.reason).toContain("gc");
      }
      // The checker itself saw a correct trace: only the tamper evidence withholds the points.
      expect((rows[0].verdict as { passed: boolean }).passed).toBe(true);
      const events = await harness.waitForEvents([flagged.id, alsoFlagged.id]);
      expect(events.map((e) => [e.event.status, e.event.score, e.rowStatus])).toEqual([
        ["needs_review", 0, "NEEDS_REVIEW"],
        ["needs_review", 0, "NEEDS_REVIEW"],
      ]);
      expect(await bestScoreOf(klass, student, exercise.id)).toMatchObject({ attempts: 0, bestScore: 0, passedAt: null });
    } finally {
      await harness.stop();
    }
  });
});
