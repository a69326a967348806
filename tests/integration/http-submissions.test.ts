/**
 * The exercise and submission API through the real production server (Next + socket.io + the
 * in-process grading queue + the real sandbox): submit → 202 → passed/failed, Run → trace, and bad input
 * (invalid UTF-8, oversized code, strangers) as clear 4xx responses.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpSession } from "@/tests/helpers/http-session";
import { REPO_ROOT } from "@/scripts/production-build";
import type { SubmissionView } from "@/lib/grading/submission-view.types";
import { startClassServer } from "@/tests/helpers/class-server";
import type { TestServer } from "@/tests/helpers/server";

type ErrorBody = { error: { code: string; message: string } };
type ExerciseList = {
  canManage: boolean;
  exercises: { id: string; slug: string; status: string; best: { score: number; passed: boolean } | null }[];
};
type Submitted = { id: string; status: string; attemptNumber: number; queuedAt: string };
type SubmissionBody = SubmissionView;

const WRITE = "05-create-task-concurrency";
const PREDICT = "13-predict-sequential-await";
const exerciseFile = (slug: string, file: string) =>
  readFileSync(path.join(REPO_ROOT, "content", "exercises", slug, file), "utf8");

describe("exercise and submission routes over HTTP", () => {
  let server: TestServer;
  let teacher: HttpSession;
  let student: HttpSession;
  let outsider: HttpSession;
  let classId: string;
  let writeId: string;
  let predictId: string;

  async function gradedSubmission(session: HttpSession, id: string): Promise<SubmissionBody> {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const response = await session.json<SubmissionBody>("GET", `/api/submissions/${id}`);
      expect(response.status).toBe(200);
      if (!["queued", "running"].includes(response.body.status)) return response.body;
      if (Date.now() > deadline)
        throw new Error(`submission ${id} still ${response.body.status}:\n${server.output().slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  beforeAll(async () => {
    ({ server, teacher, student, outsider, classId } = await startClassServer({
      teacher: "Grace",
      student: "Sam",
      outsider: { name: "Olga", role: "student" },
      className: "Async 101",
      prepare: async (owner, id) => {
        const imported = await owner.json<{ created: number }>("POST", `/api/classes/${id}/exercises/import`, {
          slugs: [WRITE, PREDICT],
          publish: true,
        });
        expect(imported).toMatchObject({ status: 200, body: { created: 2 } });
      },
    }));
    const list = await student.json<ExerciseList>("GET", `/api/classes/${classId}/exercises`);
    [writeId, predictId] = list.body.exercises.map((e) => e.id);
  }, 600_000);

  afterAll(async () => {
    await server?.stop();
  });

  it("lists the class's exercises and shows a student no answer key", async () => {
    const list = await student.json<ExerciseList>("GET", `/api/classes/${classId}/exercises`);
    expect(list.body).toMatchObject({
      canManage: false,
      exercises: [{ slug: WRITE, status: "PUBLISHED", best: null }, { slug: PREDICT }],
    });
    const view = await student.json<Record<string, unknown>>("GET", `/api/exercises/${writeId}`);
    expect(view.status).toBe(200);
    expect(view.body.starterCode).toBe(exerciseFile(WRITE, "starter.py"));
    expect(JSON.stringify(view.body)).not.toContain("create_task(func('任务2'))");
    expect(Object.keys(view.body)).not.toContain("expectedSpec");
    expect(Object.keys(view.body)).not.toContain("referenceSolution");
  });

  it("submit answers 202 queued, and the submission is eventually graded passed", async () => {
    const submitted = await student.json<Submitted>("POST", `/api/exercises/${writeId}/submissions`, {
      code: exerciseFile(WRITE, "solution.py"),
    });
    expect(submitted.status).toBe(202);
    expect(submitted.body).toMatchObject({ status: "queued", attemptNumber: 1 });
    expect(new Date(submitted.body.queuedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const graded = await gradedSubmission(student, submitted.body.id);
    expect(graded).toMatchObject({ status: "passed", score: 100, firstDivergence: null, review: null });
    expect(graded.trace?.events.some((event) => event.stream === "stdout" && event.text.includes("main"))).toBe(true);

    const list = await student.json<ExerciseList>("GET", `/api/classes/${classId}/exercises`);
    expect(list.body.exercises[0].best).toMatchObject({ score: 100, passed: true });
  });

  it("a wrong solution is graded failed with its first divergence", async () => {
    const submitted = await student.json<Submitted>("POST", `/api/exercises/${writeId}/submissions`, {
      code: exerciseFile(WRITE, "wrong/sequential-awaits.py"),
    });
    expect(submitted.body.attemptNumber).toBe(2);
    const graded = await gradedSubmission(student, submitted.body.id);
    expect(graded).toMatchObject({ status: "failed", firstDivergence: { reason: "order" } });
    expect(graded.firstDivergence?.message.length).toBeGreaterThan(10);
  });

  it("run answers 200 with the trace and the verdict, storing nothing", async () => {
    const run = await student.json<{
      passed: boolean;
      trace: { status: string; events: { t: number; stream: string; text: string }[] };
      firstDivergence: unknown;
    }>("POST", `/api/exercises/${writeId}/run`, { code: exerciseFile(WRITE, "starter.py") });
    expect(run.status).toBe(200);
    expect(run.body.passed).toBe(false);
    expect(run.body.trace.status).toBe("ok");
    expect(
      run.body.trace.events
        .filter((e) => e.stream === "stdout")
        .map((e) => e.t)
        .at(-1),
    ).toBe(4);
    expect(run.body.firstDivergence).not.toBeNull();
  });

  it("refuses Run on a predict-the-output exercise: running the shown program would print the answer", async () => {
    const run = await student.json<ErrorBody>("POST", `/api/exercises/${predictId}/run`, { code: "main\nA" });
    expect(run.status).toBe(400);
    expect(run.body.error.message).toMatch(/cannot be run/);
    expect(JSON.stringify(run.body)).not.toMatch(/trace|events/);
  });

  it("rejects invalid UTF-8 with 400 and oversized code with 413, storing nothing", async () => {
    const bytes = Buffer.concat([Buffer.from('{"code":"print(1)'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const invalid = await student.fetch(`/api/exercises/${writeId}/submissions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: bytes,
    });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as ErrorBody).error.message).toMatch(/UTF-8/);

    const big = await student.json<ErrorBody>("POST", `/api/exercises/${writeId}/submissions`, {
      code: `# ${"x".repeat(65 * 1024)}\n`,
    });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    const huge = await student.json<ErrorBody>("POST", `/api/exercises/${writeId}/submissions`, {
      code: "x".repeat(300 * 1024),
    });
    expect(huge.status).toBe(413);

    const list = await teacher.json<{ counts: Record<string, number>; total: number }>(
      "GET",
      `/api/exercises/${writeId}/grading-progress`,
    );
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
  });

  it("a student of another class gets 404 for the exercise, its submissions and its Run", async () => {
    const submitted = await student.json<Submitted>("POST", `/api/exercises/${predictId}/submissions`, {
      code: "wrong\nguess",
    });
    expect(submitted.status).toBe(202);
    expect((await outsider.json<ErrorBody>("GET", `/api/exercises/${writeId}`)).status).toBe(404);
    expect(
      (await outsider.json<ErrorBody>("POST", `/api/exercises/${writeId}/submissions`, { code: "print(1)" })).status,
    ).toBe(404);
    expect((await outsider.json<ErrorBody>("POST", `/api/exercises/${writeId}/run`, { code: "print(1)" })).status).toBe(
      404,
    );
    expect((await outsider.json<ErrorBody>("GET", `/api/submissions/${submitted.body.id}`)).status).toBe(404);
    expect((await outsider.json<ErrorBody>("GET", `/api/classes/${classId}/exercises`)).status).toBe(404);
    const graded = await gradedSubmission(teacher, submitted.body.id);
    expect(graded).toMatchObject({ status: "failed", review: { tamperReason: null, infraError: null } });
    // A prediction's trace is the program's real run (the answer): the student gets it once graded.
    const seen = await gradedSubmission(student, submitted.body.id);
    const printed = seen.trace?.events.filter((e) => e.stream === "stdout").map((e) => e.text);
    expect(printed?.slice(0, 2)).toEqual(["main", "test"]);
    expect(seen.trace).toMatchObject({ status: "ok", tamper: null });
  });

  it("only the instructor changes status or exports; a closed exercise refuses submissions", async () => {
    expect((await student.json<ErrorBody>("PATCH", `/api/exercises/${writeId}`, { status: "CLOSED" })).status).toBe(
      403,
    );
    expect((await student.json<ErrorBody>("GET", `/api/exercises/${writeId}/export`)).status).toBe(403);
    expect((await student.json<ErrorBody>("POST", `/api/classes/${classId}/exercises/import`, {})).status).toBe(403);
    const exported = await teacher.json<{ package: { kind: string; solution: string; manifest: { slug: string } } }>(
      "GET",
      `/api/exercises/${writeId}/export`,
    );
    expect(exported.body.package).toMatchObject({
      kind: "write-code",
      manifest: { slug: WRITE },
      solution: exerciseFile(WRITE, "solution.py"),
    });
    expect((await teacher.json("PATCH", `/api/exercises/${writeId}`, { status: "SHUT" })).status).toBe(400);
    expect(await teacher.json("PATCH", `/api/exercises/${writeId}`, { status: "CLOSED" })).toMatchObject({
      status: 200,
      body: { status: "CLOSED" },
    });
    const refused = await student.json<ErrorBody>("POST", `/api/exercises/${writeId}/submissions`, {
      code: "print(1)",
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/closed/);
  });
});
