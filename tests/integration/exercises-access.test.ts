/**
 * Who sees and manages class exercises, through the one policy: another instructor gets NOT_FOUND
 * (the class is invisible to them), a student of the class FORBIDDEN for instructor actions,
 * drafts are invisible to students, and the student view never carries the answer key.
 */
import { beforeAll, expect, it } from "vitest";
import { createClass } from "@/lib/classes/create-class";
import { upsertActiveEnrollment } from "@/lib/db/enrollments";
import { findExerciseWithCurrentVersion } from "@/lib/db/exercises";
import { insertQueuedSubmission } from "@/lib/db/submissions";
import { exportClassExercise } from "@/lib/exercises/export-class-exercise";
import { getExerciseForStudent } from "@/lib/exercises/get-exercise-for-student";
import { importLibraryIntoClass } from "@/lib/exercises/import-library-into-class";
import { listClassExercises } from "@/lib/exercises/list-class-exercises";
import { publishExercise } from "@/lib/exercises/publish-exercise";
import { getSubmission } from "@/lib/grading/get-submission";
import { createTestUser, describeEachProvider, useTestDatabase } from "@/tests/helpers/db";
import { appErrorOf } from "@/tests/helpers/app-error";

describeEachProvider("class exercises: access", (provider) => {
  useTestDatabase(provider);

  let teacher: { id: string };
  let stranger: { id: string };
  let student: { id: string };
  let outsider: { id: string };
  let classId: string;
  let writeId: string;
  let predictId: string;

  beforeAll(async () => {
    teacher = await createTestUser({ role: "INSTRUCTOR" });
    stranger = await createTestUser({ role: "INSTRUCTOR" });
    student = await createTestUser({ role: "STUDENT" });
    outsider = await createTestUser({ role: "STUDENT" });
    classId = (await createClass({ userId: teacher.id, name: "Access" })).id;
    await upsertActiveEnrollment(classId, student.id);
    const imported = await importLibraryIntoClass({
      userId: teacher.id,
      classId,
      slugs: ["05-create-task-concurrency", "13-predict-sequential-await"],
    });
    [writeId, predictId] = imported.exercises.map((e) => e.id);
  });

  it("another instructor gets NOT_FOUND and a student FORBIDDEN for every instructor action (NOT_FOUND on a draft)", async () => {
    for (const [userId, code, onDraft] of [
      [stranger.id, "NOT_FOUND", "NOT_FOUND"],
      // The student sees the class but not its drafts: a draft reads as missing, not as forbidden.
      [student.id, "FORBIDDEN", "NOT_FOUND"],
    ] as const) {
      expect((await appErrorOf(importLibraryIntoClass({ userId, classId }))).code).toBe(code);
      expect((await appErrorOf(exportClassExercise({ userId, exerciseId: writeId }))).code).toBe(onDraft);
      expect((await appErrorOf(publishExercise({ userId, exerciseId: writeId, status: "PUBLISHED" }))).code).toBe(
        onDraft,
      );
    }
    expect((await appErrorOf(listClassExercises({ userId: stranger.id, classId }))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(getExerciseForStudent({ userId: outsider.id, exerciseId: writeId }))).code).toBe(
      "NOT_FOUND",
    );
    expect(
      (await appErrorOf(publishExercise({ userId: teacher.id, exerciseId: writeId, status: "GONE" as "DRAFT" }))).code,
    ).toBe("BAD_REQUEST");
    expect((await findExerciseWithCurrentVersion(writeId))?.status).toBe("DRAFT");
  });

  it("drafts are invisible to students until published; closed ones stay listed", async () => {
    expect((await listClassExercises({ userId: student.id, classId })).exercises).toEqual([]);
    expect((await appErrorOf(getExerciseForStudent({ userId: student.id, exerciseId: writeId }))).code).toBe(
      "NOT_FOUND",
    );
    const forTeacher = await listClassExercises({ userId: teacher.id, classId });
    expect(forTeacher.canManage).toBe(true);
    expect(forTeacher.exercises.map((e) => [e.slug, e.status])).toEqual([
      ["05-create-task-concurrency", "DRAFT"],
      ["13-predict-sequential-await", "DRAFT"],
    ]);

    expect(await publishExercise({ userId: teacher.id, exerciseId: writeId, status: "PUBLISHED" })).toEqual({
      id: writeId,
      status: "PUBLISHED",
    });
    await publishExercise({ userId: teacher.id, exerciseId: predictId, status: "CLOSED" });
    const forStudent = await listClassExercises({ userId: student.id, classId });
    expect(forStudent.canManage).toBe(false);
    expect(forStudent.exercises.map((e) => [e.slug, e.status, e.best])).toEqual([
      ["05-create-task-concurrency", "PUBLISHED", null],
      ["13-predict-sequential-await", "CLOSED", null],
    ]);
    const closed = await getExerciseForStudent({ userId: student.id, exerciseId: predictId });
    expect(closed.canSubmit).toBe(false);
    await publishExercise({ userId: teacher.id, exerciseId: predictId, status: "PUBLISHED" });
  });

  it("the student view has the prompt and starter code but never the solution or the spec", async () => {
    const stored = await findExerciseWithCurrentVersion(writeId);
    if (!stored) throw new Error("missing");
    const view = await getExerciseForStudent({ userId: student.id, exerciseId: writeId });
    expect(view).toMatchObject({
      kind: "WRITE_CODE",
      canManage: false,
      canSubmit: true,
      program: null,
      version: 1,
      latestSubmissionId: null,
    });
    expect(view.starterCode).toBe(stored.version.starterCode);
    expect(view.prompt.zh).toBe(stored.version.promptZh);
    const json = JSON.stringify(view);
    expect(json).not.toContain(JSON.stringify(stored.version.referenceSolution).slice(1, -1));
    expect(json).not.toContain(JSON.stringify(stored.version.expectedSpec).slice(1, -1));

    const predict = await getExerciseForStudent({ userId: student.id, exerciseId: predictId });
    const predictRow = await findExerciseWithCurrentVersion(predictId);
    expect(predict).toMatchObject({
      kind: "PREDICT_OUTPUT",
      starterCode: null,
      program: predictRow?.version.referenceSolution,
    });
    expect(JSON.stringify(predict)).not.toContain(JSON.stringify(predictRow?.version.expectedSpec).slice(1, -1));
  });

  it("a submission is visible to its author and the instructor only", async () => {
    const stored = await findExerciseWithCurrentVersion(writeId);
    if (!stored) throw new Error("missing");
    const classmate = await createTestUser({ role: "STUDENT" });
    await upsertActiveEnrollment(classId, classmate.id);
    const row = await insertQueuedSubmission({
      exerciseId: writeId,
      exerciseVersionId: stored.version.id,
      userId: student.id,
      classId,
      code: "print('hi')",
    });
    expect(await getSubmission({ userId: student.id, submissionId: row.id })).toMatchObject({
      id: row.id,
      status: "queued",
      attemptNumber: 1,
      code: "print('hi')",
      verdict: null,
    });
    expect((await getSubmission({ userId: teacher.id, submissionId: row.id })).userId).toBe(student.id);
    for (const userId of [classmate.id, outsider.id, stranger.id]) {
      expect((await appErrorOf(getSubmission({ userId, submissionId: row.id }))).code).toBe("NOT_FOUND");
    }
    expect((await appErrorOf(getSubmission({ userId: student.id, submissionId: "no-such-submission" }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await getExerciseForStudent({ userId: student.id, exerciseId: writeId })).latestSubmissionId).toBe(row.id);
  });
});
