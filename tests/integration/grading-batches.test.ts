/**
 * Group commit (issue 9 point 6): under a burst, submits, claims and verdicts are written in
 * batches. A batch must behave exactly like the one-row path: each row claimed once, a verdict
 * stored only under its claim, BestScore exact, and a clash in a batch falls back to one by one.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "@/lib/db/get-db";
import { findExerciseWithCurrentVersion, insertExerciseVersion, updateExerciseStatus } from "@/lib/db/exercises";
import { claimSubmission, findSubmission } from "@/lib/db/submissions";
import { createGroupCommit } from "@/lib/grading/create-group-commit";
import { createInProcessQueue } from "@/lib/grading/create-in-process-queue";
import type { GradingServices } from "@/lib/grading/grading-services";
import { submitSolution } from "@/lib/grading/submit-solution";
import { createMemoryRateLimiter } from "@/lib/rate-limit/create-memory-rate-limiter";
import { createSandboxRunner } from "@/lib/sandbox/create-sandbox-runner";
import { describeEachProvider, useTestDatabase } from "../helpers/db";
import { createGradingClass, insertLibraryExercise, type GradingClass } from "../helpers/grading";

const EXERCISE = "05-create-task-concurrency";
const LONG_AGO = () => new Date(Date.now() - 60_000);

let services: GradingServices;
beforeAll(() => {
  // Nothing is graded here: the queue has no worker and the runner is never called.
  const limiter = () => createMemoryRateLimiter({ limit: 1_000, windowMs: 60_000 });
  services = {
    queue: createInProcessQueue(),
    runner: createSandboxRunner({ mode: "bwrap", bwrapPath: "/nonexistent/bwrap" }),
    submitLimiter: limiter(),
    runLimiter: limiter(),
  };
});
afterAll(async () => {
  await services.queue.close();
  await services.runner.close();
});

function graded(score: number) {
  return {
    status: score === 100 ? ("passed" as const) : ("failed" as const),
    passed: score === 100,
    score,
    verdict: {},
    trace: {},
    firstDivergence: null,
    failingSeed: null,
    tamperReason: null,
    runMs: 1,
  };
}

describeEachProvider("grading in batches", (provider) => {
  useTestDatabase(provider);
  let klass: GradingClass;
  beforeAll(async () => {
    klass = await createGradingClass(12);
  });

  async function submitAll(exerciseId: string, userIds: string[]) {
    return Promise.all(userIds.map((userId) => submitSolution({ userId, exerciseId, code: "print(1)\n" }, services)));
  }

  it("stores a burst of submits; one student's concurrent submits clash, fall back, get attempts 1..n", async () => {
    const exercise = await insertLibraryExercise(klass.classId, EXERCISE, { slugSuffix: "-submits" });
    const burst = await submitAll(exercise.id, klass.studentIds.slice(0, 10));
    expect(burst.map((row) => row.attemptNumber)).toEqual(Array(10).fill(1));
    const same = await submitAll(exercise.id, Array(5).fill(klass.studentIds[10]));
    expect(same.map((row) => row.attemptNumber).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(same.map((row) => row.id)).size).toBe(5);
    expect(await getDb().submission.count({ where: { exerciseId: exercise.id, status: "queued" } })).toBe(15);
  });

  it("claims a burst together, each claimable row once, never a row another worker holds", async () => {
    const exercise = await insertLibraryExercise(klass.classId, EXERCISE, { slugSuffix: "-claims" });
    const ids = (await submitAll(exercise.id, klass.studentIds.slice(0, 10))).map((row) => row.id);
    const held = ids.slice(0, 2);
    await getDb().submission.updateMany({
      where: { id: { in: held } },
      data: { status: "running", claimAttempt: 7, startedAt: new Date() },
    });
    const commit = createGroupCommit();
    const claims = await Promise.all(ids.map((id) => commit.claim(id, LONG_AGO())));
    expect(claims.map((claim) => claim?.claimAttempt ?? null)).toEqual([null, null, ...Array(8).fill(1)]);
    expect(claims[2]).toMatchObject({ id: ids[2], status: "running", kind: "WRITE_CODE" });
    expect(claims[2]?.version.id).toBe(exercise.version.id);
    // One transaction for the batch: the rows share one start time.
    const rows = await Promise.all(ids.map((id) => findSubmission(id)));
    expect(new Set(rows.slice(2).map((row) => row?.startedAt?.getTime())).size).toBeLessThan(8);
    expect(rows.map((row) => row?.claimAttempt)).toEqual([7, 7, ...Array(8).fill(1)]);
    // Claimed again: nothing (they are running and not stale).
    expect(await Promise.all(ids.map((id) => commit.claim(id, LONG_AGO())))).toEqual(Array(10).fill(null));
  });

  it("stores verdicts together under their claims and keeps BestScore exact per student", async () => {
    const exercise = await insertLibraryExercise(klass.classId, EXERCISE, { slugSuffix: "-verdicts" });
    const [a, b] = [klass.studentIds[0], klass.studentIds[1]];
    const submitted = [];
    for (const userId of [a, a, a, b]) submitted.push(...(await submitAll(exercise.id, [userId])));
    const commit = createGroupCommit();
    const claims = await Promise.all(submitted.map((row) => commit.claim(row.id, LONG_AGO())));
    // A's third submission was taken over by another worker (its claim moved on to attempt 2).
    const taken = await claimSubmission(submitted[2].id, new Date(Date.now() + 60_000));
    expect(taken?.claimAttempt).toBe(2);
    const key = (userId: string) => ({ classId: klass.classId, userId, exerciseId: exercise.id });
    const stored = await Promise.all(
      claims.map((claim, i) =>
        commit.store({
          id: claim!.id,
          claimAttempt: claim!.claimAttempt,
          fields: graded([40, 100, 100, 70][i]),
          key: key(i < 3 ? a : b),
        }),
      ),
    );
    expect(stored).toEqual([true, true, false, true]);
    expect(await findSubmission(submitted[2].id)).toMatchObject({ status: "running", claimAttempt: 2, score: null });
    const best = (userId: string) =>
      getDb().bestScore.findUnique({ where: { classId_userId_exerciseId: key(userId) } });
    expect(await best(a)).toMatchObject({ attempts: 2, bestScore: 100, bestSubmissionId: submitted[1].id });
    expect(await best(b)).toMatchObject({ attempts: 1, bestScore: 70, bestSubmissionId: submitted[3].id });
    // Stored again (a duplicate delivery): nothing changes.
    expect(await commit.store({ id: submitted[0].id, claimAttempt: 1, fields: graded(99), key: key(a) })).toBe(false);
    expect(await best(a)).toMatchObject({ attempts: 2, bestScore: 100 });
  });

  it("the submit gate's cached exercise never outlives a change: a new version and a close apply at once", async () => {
    const exercise = await insertLibraryExercise(klass.classId, EXERCISE, { slugSuffix: "-gate" });
    const student = klass.studentIds[11];
    const first = await submitAll(exercise.id, [student]); // the exercise is now cached
    expect((await findSubmission(first[0].id))?.exerciseVersionId).toBe(exercise.version.id);
    const current = await findExerciseWithCurrentVersion(exercise.id);
    const {
      id: _id,
      exerciseId: _e,
      version: _v,
      createdAt: _c,
      forbiddenNotes: _f,
      packageExtras: _p,
      network: _n,
      ...content
    } = current!.version;
    const next = await insertExerciseVersion(exercise.id, { ...content, titleEn: "Version 2" });
    const second = await submitAll(exercise.id, [student]);
    expect((await findSubmission(second[0].id))?.exerciseVersionId).toBe(next.id);
    await updateExerciseStatus(exercise.id, "CLOSED");
    await expect(submitAll(exercise.id, [student])).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
