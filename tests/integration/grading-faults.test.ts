/**
 * What must never be blamed on a student or counted twice: a sandbox outage (retried with backoff,
 * not an attempt, infra_error at the cap, graded once it is back), a checker bug (infra_error at
 * once, one log line), duplicate job delivery (one verdict, one stored claim), a stale worker
 * finishing late, concurrent BestScore refreshes, and tampering (needs_review, 0).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/get-db";
import { claimSubmission, findSubmission, storeGradedResult } from "@/lib/db/submissions";
import { evaluateSubmission } from "@/lib/grading/evaluate-submission";
import { storeVerdict } from "@/lib/grading/store-verdict";
import { gradeSubmission } from "@/lib/grading/grade-submission";
import { MAX_INFRA_RETRIES } from "@/lib/grading/grading-queue.types";
import { recoverSubmissions } from "@/lib/grading/recover-submissions";
import { regradeExercise } from "@/lib/grading/regrade-exercise";
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
const RETRY = { attempts: MAX_INFRA_RETRIES + 1, baseDelayMs: 100, maxDelayMs: 200 };

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
  return getDb().bestScore.findUnique({
    where: { classId_userId_exerciseId: { classId: klass.classId, userId, exerciseId } },
  });
}

describeEachProvider("grading faults", (provider) => {
  useTestDatabase(provider);
  let klass: GradingClass;
  beforeAll(async () => {
    klass = await createGradingClass(4);
  });

  for (const backend of BACKENDS) {
    describe.skipIf(backend === "bullmq" && !redisUp)(`${backend} queue`, () => {
      it("retries a sandbox outage with backoff (not an attempt), ends infra_error at the cap, grades once it is back", async () => {
        expect(unavailable.status().available).toBe(false);
        const exercise = await insertLibraryExercise(klass.classId, EXERCISE, { slugSuffix: `-infra-${backend}` });
        const student = klass.studentIds[0];
        const switchable = createSwitchableRunner(sandbox);
        const harness = await createGradingHarness({ backend, runner: switchable.runner, retry: RETRY });
        harness.startWorker();
        try {
          const good = await submitSolution(
            { userId: student, exerciseId: exercise.id, code: await referenceSolution(EXERCISE) },
            harness.services,
          );
          await harness.waitForEvents([good.id]);

          switchable.use(unavailable);
          // A: every try fails while the sandbox is down: after MAX_INFRA_RETRIES retries it ends infra_error.
          const wrong = await wrongSolution(EXERCISE, "wrong/sequential-awaits.py");
          const a = await submitSolution({ userId: student, exerciseId: exercise.id, code: wrong }, harness.services);
          const [exhausted] = await waitForFinalStatus([a.id], { allowInfraError: true });
          const tries = MAX_INFRA_RETRIES + 1;
          expect(exhausted).toMatchObject({
            status: "infra_error",
            passed: null,
            score: null,
            claimAttempt: tries,
            infraRetries: tries,
          });
          expect(exhausted.infraError).toMatch(/sandbox|bubblewrap|missing|unavailable/i);
          expect(harness.logs().filter((line) => line.includes(a.id))).toHaveLength(tries);
          // The student's record is untouched (one graded attempt); the student and instructor hear of it.
          expect(await bestScoreOf(klass, student, exercise.id)).toMatchObject({ attempts: 1, bestScore: 100 });
          const [outage] = await harness.waitForEvents([a.id]);
          expect([outage.event.status, outage.rowStatus]).toEqual(["infra_error", "infra_error"]);
          // Final: recovery leaves it alone (no endless re-enqueueing); the instructor regrades it.
          expect(await recoverSubmissions({ queue: harness.services.queue, staleAfterMs: 60_000 })).toBe(0);

          // B: the sandbox comes back between two retries; the queue's own retry grades it.
          const b = await submitSolution(
            { userId: student, exerciseId: exercise.id, code: await referenceSolution(EXERCISE) },
            harness.services,
          );
          await waitFor(async () => ((await findSubmission(b.id))?.infraRetries ?? 0) >= 1);
          switchable.use(sandbox);
          const [gradedB] = await waitForFinalStatus([b.id]);
          expect(gradedB).toMatchObject({ status: "passed", passed: true, infraError: null });
          expect(gradedB.infraRetries).toBeGreaterThanOrEqual(1);
          expect(gradedB.claimAttempt).toBe(gradedB.infraRetries + 1);

          // A again, through the instructor's regrade: its retries start over and it is graded.
          await regradeExercise({ userId: klass.instructorId, exerciseId: exercise.id }, harness.services);
          const regraded = await waitForFinalStatus([good.id, a.id, b.id]);
          const gradedA = regraded.find((row) => row.id === a.id);
          expect(gradedA).toMatchObject({ status: "failed", passed: false, infraRetries: 0, infraError: null });
          expect(await bestScoreOf(klass, student, exercise.id)).toMatchObject({ attempts: 3, bestScore: 100 });
        } finally {
          await harness.stop();
        }
      });

      it("grades a submission enqueued twice (and again after it is graded) exactly once", async () => {
        const exercise = await insertLibraryExercise(klass.classId, EXERCISE, { slugSuffix: `-dup-${backend}` });
        const harness = await createGradingHarness({ backend, runner: sandbox });
        try {
          const submitted = await submitSolution(
            { userId: klass.studentIds[1], exerciseId: exercise.id, code: await referenceSolution(EXERCISE) },
            harness.services,
          );
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
          expect(await findSubmission(submitted.id)).toMatchObject({
            status: "passed",
            claimAttempt: 1,
            gradedAt: row.gradedAt,
          });
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
      const submitted = await submitSolution(
        { userId: klass.studentIds[2], exerciseId: exercise.id, code: await referenceSolution(EXERCISE) },
        harness.services,
      );
      const published: SubmissionGradedPayload[] = [];
      const grade = () =>
        gradeSubmission({
          submissionId: submitted.id,
          run: (request) => sandbox.run(request),
          publish: (event) => published.push(event),
          staleAfterMs: 60_000,
        });
      expect((await Promise.all([grade(), grade()])).sort()).toEqual(["passed", "skipped"]);
      const row = await findSubmission(submitted.id);
      expect(row).toMatchObject({ status: "passed", passed: true, claimAttempt: 1 });
      expect(await grade()).toBe("skipped");
      expect(await findSubmission(submitted.id)).toMatchObject({ claimAttempt: 1, gradedAt: row?.gradedAt });
      expect(published.map((event) => event.submissionId)).toEqual([submitted.id]);
    } finally {
      await harness.stop();
    }
  });

  it("ends a checker bug at once as infra_error with one log line: never retried, never the student's", async () => {
    const exercise = await insertLibraryExercise(klass.classId, EXERCISE, { slugSuffix: "-checker-bug" });
    const calls: string[] = [];
    // Fault-injecting checker: one throws, one returns something that is not a verdict.
    const evaluate: typeof evaluateSubmission = async (input, run) => {
      calls.push(input.code);
      if (input.code.includes("throw")) throw new TypeError("Cannot read properties of undefined (reading 'events')");
      const real = await evaluateSubmission(input, run);
      return { ...real, verdict: { ...real.verdict, score: Number.NaN } };
    };
    const harness = await createGradingHarness({ backend: "in-process", runner: sandbox, retry: RETRY, evaluate });
    harness.startWorker();
    const student = klass.studentIds[2];
    try {
      const code = await referenceSolution(EXERCISE);
      const thrown = await submitSolution(
        { userId: student, exerciseId: exercise.id, code: `# throw\n${code}` },
        harness.services,
      );
      const malformed = await submitSolution({ userId: student, exerciseId: exercise.id, code }, harness.services);
      const rows = await waitForFinalStatus([thrown.id, malformed.id], { allowInfraError: true });
      for (const row of rows)
        expect(row).toMatchObject({
          status: "infra_error",
          infraRetries: 1,
          claimAttempt: 1,
          verdict: null,
          score: null,
        });
      expect(rows[0].infraError).toMatch(/^checker bug: TypeError: Cannot read properties/);
      expect(rows[1].infraError).toMatch(/^checker bug: ZodError/);
      expect(calls).toHaveLength(2);
      expect(harness.logs()).toHaveLength(2);
      expect(harness.logs()[0]).toMatch(
        new RegExp(`submission ${thrown.id}: checker failure .*giving up: infra_error`),
      );
      expect(await bestScoreOf(klass, student, exercise.id)).toBeNull();
    } finally {
      await harness.stop();
    }
  });

  it("ignores a stale worker's late result once the row was re-claimed", async () => {
    const exercise = await insertLibraryExercise(klass.classId, EXERCISE, { slugSuffix: "-stale" });
    const harness = await createGradingHarness({ backend: "in-process", runner: sandbox });
    try {
      const submitted = await submitSolution(
        { userId: klass.studentIds[2], exerciseId: exercise.id, code: "print(1)\n" },
        harness.services,
      );
      const everythingStale = new Date(Date.now() + 60_000);
      const stale = await claimSubmission(submitted.id, everythingStale);
      const fresh = await claimSubmission(submitted.id, everythingStale);
      expect([stale?.claimAttempt, fresh?.claimAttempt]).toEqual([1, 2]);
      const fields = {
        status: "failed" as const,
        passed: false,
        score: 0,
        verdict: {},
        trace: {},
        firstDivergence: null,
        failingSeed: null,
        tamperReason: null,
        runMs: 1,
      };
      expect(await storeGradedResult(submitted.id, 1, { ...fields, score: 99 })).toBe(false);
      expect(await storeGradedResult(submitted.id, 2, fields)).toBe(true);
      expect(await storeGradedResult(submitted.id, 2, { ...fields, score: 50 })).toBe(false);
      expect(await findSubmission(submitted.id)).toMatchObject({ status: "failed", score: 0, claimAttempt: 2 });
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
        for (let i = 0; i < 6; i += 1)
          ids.push(
            (
              await submitSolution(
                { userId: student, exerciseId: exercise.id, code: `print(${i})\n` },
                harness.services,
              )
            ).id,
          );
        const claims = await Promise.all(ids.map((id) => claimSubmission(id, new Date())));
        const key = { classId: klass.classId, userId: student, exerciseId: exercise.id };
        await Promise.all(
          claims.map(async (claim, i) => {
            await new Promise((resolve) => setTimeout(resolve, Math.random() * 4));
            const status = i === 4 ? ("passed" as const) : ("failed" as const);
            const fields = {
              status,
              passed: i === 4,
              score: i * 10,
              verdict: {},
              trace: {},
              firstDivergence: null,
              failingSeed: null,
              tamperReason: null,
              runMs: 1,
            };
            expect(await storeVerdict(claim!.id, claim!.claimAttempt, fields, key)).toBe(true);
          }),
        );
        expect(await bestScoreOf(klass, student, exercise.id)).toMatchObject({
          attempts: 6,
          bestScore: 50,
          bestSubmissionId: ids[5],
        });
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
      const alsoFlagged = await submitSolution(
        { userId: student, exerciseId: exercise.id, code: STUDENT_PROGRAMS.tamper },
        harness.services,
      );
      const rows = await waitForFinalStatus([flagged.id, alsoFlagged.id]);
      for (const row of rows) {
        expect(row).toMatchObject({ status: "needs_review", passed: false, score: 0 });
        expect(row.tamperReason).toContain("gc");
      }
      // The checker itself saw a correct trace: only the tamper evidence withholds the points.
      expect((rows[0].verdict as { passed: boolean }).passed).toBe(true);
      const events = await harness.waitForEvents([flagged.id, alsoFlagged.id]);
      expect(events.map((e) => [e.event.status, e.event.score, e.rowStatus])).toEqual([
        ["needs_review", 0, "needs_review"],
        ["needs_review", 0, "needs_review"],
      ]);
      expect(await bestScoreOf(klass, student, exercise.id)).toMatchObject({
        attempts: 0,
        bestScore: 0,
        passedAt: null,
      });
    } finally {
      await harness.stop();
    }
  });
});
