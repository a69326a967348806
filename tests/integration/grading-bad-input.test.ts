/**
 * Bad input to Submit, at the use-case level (both databases) and through the real HTTP route: each
 * case is a clear 4xx and stores NOTHING (no submission row, no BestScore row, no queued job).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, useDatabaseUrl } from "@/lib/db/get-db";
import { insertEnrollment } from "@/lib/db/enrollments";
import { updateExerciseStatus, type ExerciseWithVersion } from "@/lib/db/exercises";
import { submitSolution } from "@/lib/grading/submit-solution";
import { MAX_CODE_BYTES } from "@/lib/grading/submit-solution.types";
import { createSandboxRunner } from "@/lib/sandbox/create-sandbox-runner";
import { createTestUser, describeEachProvider, useTestDatabase } from "../helpers/db";
import {
  countRows,
  createGradingClass,
  createGradingHarness,
  insertLibraryExercise,
  referenceSolution,
  sandboxUidBase,
  waitFor,
  type GradingClass,
  type GradingHarness,
} from "../helpers/grading";
import { HttpSession, uniqueEmail } from "../helpers/http-session";
import { startTestServer, type TestServer } from "../helpers/server";
import { appErrorOf } from "@/tests/helpers/app-error";

const EXERCISE = "05-create-task-concurrency";
const TOO_BIG = `# ${"x".repeat(MAX_CODE_BYTES)}\nprint(1)\n`;

async function createAssignment(klass: GradingClass, exerciseId: string, window: { dueAt?: Date; opensAt?: Date }) {
  const dueAt = window.dueAt ?? new Date(Date.now() + 30 * 86_400_000);
  return getDb().assignment.create({
    data: {
      classId: klass.classId,
      title: "Homework",
      published: true,
      latePolicy: "REFUSE",
      dueAt,
      opensAt: window.opensAt,
      exercises: { create: { exerciseId } },
    },
  });
}

describeEachProvider("submit: bad input stores nothing", (provider) => {
  useTestDatabase(provider);
  let klass: GradingClass;
  let harness: GradingHarness;
  let exercise: ExerciseWithVersion;
  let code: string;
  beforeAll(async () => {
    klass = await createGradingClass(2);
    exercise = await insertLibraryExercise(klass.classId, EXERCISE);
    code = await referenceSolution(EXERCISE);
    // No worker: whatever is enqueued stays visible in the queue's stats.
    harness = await createGradingHarness({
      backend: "in-process",
      runner: createSandboxRunner({ poolSize: 1, uidBase: sandboxUidBase(5) }),
      submitsPerMinute: 2,
    });
  });
  afterAll(async () => {
    await harness.stop();
    await harness.services.runner.close();
  });

  async function expectRefused(submit: () => Promise<unknown>, expected: { code: string; message: RegExp }) {
    const before = await countRows();
    const error = await appErrorOf(submit());
    expect(error.code).toBe(expected.code);
    expect(error.message).toMatch(expected.message);
    expect(await countRows()).toEqual(before);
    expect((await harness.services.queue.stats()).waiting).toBe(0);
  }

  const submitAs = (userId: string, exerciseId: string, body: string, assignmentId?: string) =>
    submitSolution({ userId, exerciseId, code: body, assignmentId }, harness.services);

  it("refuses code over 64 KB (PAYLOAD_TOO_LARGE) and text that is not valid UTF-8 (BAD_REQUEST)", async () => {
    await expectRefused(() => submitAs(klass.studentIds[0], exercise.id, TOO_BIG), {
      code: "PAYLOAD_TOO_LARGE",
      message: /limit is 64 KB/,
    });
    await expectRefused(() => submitAs(klass.studentIds[0], exercise.id, "print('\uD800')\n"), {
      code: "BAD_REQUEST",
      message: /UTF-8/,
    });
  });

  it("refuses a closed exercise (FORBIDDEN) and hides a draft from students (NOT_FOUND)", async () => {
    const closed = await insertLibraryExercise(klass.classId, EXERCISE, { slugSuffix: "-closed", status: "CLOSED" });
    const draft = await insertLibraryExercise(klass.classId, EXERCISE, { slugSuffix: "-draft", status: "DRAFT" });
    await expectRefused(() => submitAs(klass.studentIds[0], closed.id, code), { code: "FORBIDDEN", message: /closed/ });
    await expectRefused(() => submitAs(klass.studentIds[0], draft.id, code), {
      code: "NOT_FOUND",
      message: /not found/,
    });
  });

  it("answers NOT_FOUND to a student who is not in the class", async () => {
    const outsider = await createTestUser({ role: "STUDENT" });
    await expectRefused(() => submitAs(outsider.id, exercise.id, code), {
      code: "NOT_FOUND",
      message: /Exercise not found/,
    });
  });

  it("refuses work after the deadline when late work is not accepted, and before the assignment opens", async () => {
    const past = await createAssignment(klass, exercise.id, { dueAt: new Date(Date.now() - 60_000) });
    const future = await createAssignment(klass, exercise.id, { opensAt: new Date(Date.now() + 3_600_000) });
    await expectRefused(() => submitAs(klass.studentIds[0], exercise.id, code, past.id), {
      code: "FORBIDDEN",
      message: /deadline/,
    });
    await expectRefused(() => submitAs(klass.studentIds[0], exercise.id, code, future.id), {
      code: "FORBIDDEN",
      message: /opens at/,
    });
  });

  it("refuses the submission over the per-student rate limit (RATE_LIMITED)", async () => {
    const student = klass.studentIds[1];
    await submitAs(student, exercise.id, code);
    await submitAs(student, exercise.id, code);
    const queued = (await harness.services.queue.stats()).waiting;
    expect(queued).toBe(2);
    const before = await countRows();
    const error = await appErrorOf(submitAs(student, exercise.id, code));
    expect(error).toMatchObject({ code: "RATE_LIMITED" });
    expect(await countRows()).toEqual(before);
    expect((await harness.services.queue.stats()).waiting).toBe(queued);
    // The limit is per student: a classmate is not affected.
    await expect(submitAs(klass.studentIds[0], exercise.id, code)).resolves.toMatchObject({ status: "queued" });
  });
});

describe("submit over HTTP: bad input is a 4xx and stores nothing", () => {
  let server: TestServer;
  let student: HttpSession;
  let klass: GradingClass;
  let exercise: ExerciseWithVersion;
  let code: string;

  beforeAll(async () => {
    server = await startTestServer({
      env: { SUBMIT_RATE_LIMIT: "3", SANDBOX_POOL_SIZE: "1", SANDBOX_UID_BASE: String(sandboxUidBase(6)) },
    });
    await useDatabaseUrl(server.databaseUrl);
    klass = await createGradingClass(0);
    exercise = await insertLibraryExercise(klass.classId, EXERCISE);
    code = await referenceSolution(EXERCISE);
    student = new HttpSession(server.url);
    const studentId = await student.signUpAndSignIn({
      email: uniqueEmail("burst"),
      password: "correct horse battery",
      name: "Student",
      role: "student",
    });
    await insertEnrollment(klass.classId, studentId);
  }, 120_000);
  afterAll(async () => {
    await useDatabaseUrl(null);
    await server?.stop();
  });

  // Submissions only: the embedded grader may still be refreshing BestScore for accepted ones.
  async function expectStatus(send: () => Promise<{ status: number; body: unknown }>, status: number, code: string) {
    const before = await getDb().submission.count();
    const response = await send();
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    expect(response.body).toMatchObject({ error: { code } });
    expect(await getDb().submission.count()).toBe(before);
  }

  const submitJson = (exerciseId: string, body: unknown) =>
    student.json("POST", `/api/exercises/${exerciseId}/submissions`, body);

  it("accepts a good submission with 202 and grades it", async () => {
    const response = await submitJson(exercise.id, { code });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ status: "queued", attemptNumber: 1 });
    const { id } = response.body as { id: string };
    const graded = await waitFor(async () => {
      const view = await student.json<{ status: string }>("GET", `/api/submissions/${id}`);
      return ["passed", "failed"].includes(view.body.status) ? view : null;
    });
    expect(graded.status).toBe(200);
  });

  it("413 for code over 64 KB, 400 for bytes that are not UTF-8", async () => {
    await expectStatus(() => submitJson(exercise.id, { code: TOO_BIG }), 413, "PAYLOAD_TOO_LARGE");
    const invalid = Buffer.concat([
      Buffer.from('{"code":"print(\''),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from("')\"}"),
    ]);
    await expectStatus(
      async () => {
        const response = await student.fetch(`/api/exercises/${exercise.id}/submissions`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: invalid,
        });
        return { status: response.status, body: await response.json() };
      },
      400,
      "BAD_REQUEST",
    );
  });

  it("403 closed, 404 draft, 404 not in the class, 403 after the deadline, 429 over the rate limit", async () => {
    const closed = await insertLibraryExercise(klass.classId, EXERCISE, { slugSuffix: "-closed" });
    await updateExerciseStatus(closed.id, "CLOSED");
    const draft = await insertLibraryExercise(klass.classId, EXERCISE, { slugSuffix: "-draft", status: "DRAFT" });
    const elsewhere = await createGradingClass(0);
    const foreign = await insertLibraryExercise(elsewhere.classId, EXERCISE);
    const late = await createAssignment(klass, exercise.id, { dueAt: new Date(Date.now() - 60_000) });
    await expectStatus(() => submitJson(closed.id, { code }), 403, "FORBIDDEN");
    await expectStatus(() => submitJson(draft.id, { code }), 404, "NOT_FOUND");
    await expectStatus(() => submitJson(foreign.id, { code }), 404, "NOT_FOUND");
    await expectStatus(() => submitJson(exercise.id, { code, assignmentId: late.id }), 403, "FORBIDDEN");
    // SUBMIT_RATE_LIMIT=3: one accepted above, two more now, the fourth is refused.
    for (let i = 0; i < 2; i += 1) expect((await submitJson(exercise.id, { code })).status).toBe(202);
    await expectStatus(() => submitJson(exercise.id, { code }), 429, "RATE_LIMITED");
  });
});
