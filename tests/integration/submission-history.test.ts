/**
 * GET /api/exercises/:id/submissions through its use case: the caller's own submissions, newest
 * first with a verdict summary; the class's instructor may ask for a student's; another student's
 * history and a draft's read as not found; bad ids are clear errors.
 */
import { beforeAll, expect, it } from "vitest";
import { createClass } from "@/lib/classes/create-class";
import { upsertActiveEnrollment } from "@/lib/db/enrollments";
import { claimSubmission, insertQueuedSubmission, storeGradedResult } from "@/lib/db/submissions";
import { findExerciseWithCurrentVersion } from "@/lib/db/exercises";
import { importLibraryIntoClass } from "@/lib/exercises/import-library-into-class";
import { publishExercise } from "@/lib/exercises/publish-exercise";
import { listSubmissions } from "@/lib/grading/list-submissions";
import { createTestUser, describeEachProvider, useTestDatabase } from "@/tests/helpers/db";
import { appErrorOf } from "@/tests/helpers/app-error";

describeEachProvider("submission history", (provider) => {
  useTestDatabase(provider);
  let teacher: { id: string };
  let kim: { id: string };
  let lee: { id: string };
  let exerciseId: string;

  beforeAll(async () => {
    teacher = await createTestUser({ role: "INSTRUCTOR" });
    kim = await createTestUser({ role: "STUDENT" });
    lee = await createTestUser({ role: "STUDENT" });
    const classId = (await createClass({ userId: teacher.id, name: "History" })).id;
    await upsertActiveEnrollment(classId, kim.id);
    await upsertActiveEnrollment(classId, lee.id);
    exerciseId = (await importLibraryIntoClass({ userId: teacher.id, classId, slugs: ["05-create-task-concurrency"] }))
      .exercises[0].id;
    const exercise = await findExerciseWithCurrentVersion(exerciseId);
    if (!exercise) throw new Error("exercise missing");
    const base = { exerciseId, exerciseVersionId: exercise.version.id, classId, userId: kim.id };
    const first = await insertQueuedSubmission({ ...base, code: "print('wrong')" });
    const divergence = {
      reason: "text",
      code: "trace.text",
      params: { actual: "wrong" },
      message: "A line differs",
      index: 0,
    };
    expect(await claimSubmission(first.id, new Date(0))).not.toBeNull();
    expect(
      await storeGradedResult(first.id, 1, {
        status: "failed",
        passed: false,
        score: 40,
        verdict: {},
        trace: null,
        tamperReason: null,
        firstDivergence: divergence,
        failingSeed: 0,
        runMs: 5,
      }),
    ).toBe(true);
    await insertQueuedSubmission({ ...base, code: "print('right')" });
  });

  it("a student gets their own, newest first, with the verdict summary; a draft reads as not found", async () => {
    expect((await appErrorOf(listSubmissions({ userId: kim.id, exerciseId }))).code).toBe("NOT_FOUND");
    await publishExercise({ userId: teacher.id, exerciseId, status: "PUBLISHED" });
    const history = await listSubmissions({ userId: kim.id, exerciseId });
    expect(history.userId).toBe(kim.id);
    expect(history.submissions.map((s) => [s.attemptNumber, s.status, s.score])).toEqual([
      [2, "queued", null],
      [1, "failed", 40],
    ]);
    expect(history.submissions[1].divergence).toEqual({
      reason: "text",
      code: "trace.text",
      params: { actual: "wrong" },
      message: "A line differs",
    });
    expect((await listSubmissions({ userId: lee.id, exerciseId })).submissions).toEqual([]);
  });

  it("the instructor may ask for a student's history; another student may not", async () => {
    expect((await listSubmissions({ userId: teacher.id, exerciseId, forUserId: kim.id })).submissions).toHaveLength(2);
    expect((await appErrorOf(listSubmissions({ userId: lee.id, exerciseId, forUserId: kim.id }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await appErrorOf(listSubmissions({ userId: kim.id, exerciseId: "nope" }))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(listSubmissions({ userId: kim.id, exerciseId: " " }))).code).toBe("BAD_REQUEST");
  });
});
