/**
 * Writing an exercise through the API the editor uses, on the real production server and sandbox:
 * create → record → try a wrong solution → publish → a student passes it; editing the published
 * exercise makes version 2; the dashboard and the review queue. Every new route is the owner's
 * only: another instructor gets 404, a student 403 (404 while it is a draft), and students never see the solution or spec.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExerciseForEditor } from "@/lib/exercises/exercise-draft.types";
import type { ClassDashboard } from "@/lib/dashboard/get-class-dashboard.types";
import { graded as gradedBy, startClassServer } from "@/tests/helpers/class-server";
import type { HttpSession } from "@/tests/helpers/http-session";
import type { TestServer } from "@/tests/helpers/server";
import type { ErrorBody } from "@/lib/errors/app-error";
import { TWO_WORKERS as SOLUTION, TWO_WORKERS_SEQUENTIAL as SEQUENTIAL } from "@/tests/helpers/two-workers";

describe("exercise authoring and the class dashboard over HTTP", () => {
  let server: TestServer;
  let teacher: HttpSession;
  let stranger: HttpSession;
  let student: HttpSession;
  let classId: string;
  let exerciseId: string;

  const graded = (id: string) => gradedBy(student, id, server);

  beforeAll(async () => {
    ({
      server,
      teacher,
      outsider: stranger,
      student,
      classId,
    } = await startClassServer({
      teacher: "Ada",
      outsider: { name: "Eve", role: "instructor" },
      student: "Student 2",
      className: "Authoring",
    }));
  }, 600_000);

  afterAll(async () => {
    await server?.stop();
  });

  it("creates a draft (201), refusing bad input with field messages and other users", async () => {
    const body = {
      kind: "write-code",
      title: { en: "Two workers" },
      prompt: { en: "Run **both** workers at once." },
      solution: SOLUTION,
      points: 50,
      schedules: 1,
    };
    const bad = await teacher.json<ErrorBody>("POST", `/api/classes/${classId}/exercises`, {
      ...body,
      title: { en: " " },
      schedules: 99,
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.details ?? {})).toEqual(expect.arrayContaining(["title.en", "schedules"]));
    // Localizable twins of the details: the browser shows them in Chinese.
    expect(bad.body.error.fieldKeys?.schedules).toEqual([expect.objectContaining({ key: "field.atMost" })]);
    expect((await stranger.json<ErrorBody>("POST", `/api/classes/${classId}/exercises`, body)).status).toBe(404);
    expect((await student.json<ErrorBody>("POST", `/api/classes/${classId}/exercises`, body)).status).toBe(403);

    const created = await teacher.json<{ exercise: ExerciseForEditor }>(
      "POST",
      `/api/classes/${classId}/exercises`,
      body,
    );
    expect(created.status).toBe(201);
    expect(created.body.exercise).toMatchObject({
      status: "DRAFT",
      kind: "WRITE_CODE",
      slug: "two-workers",
      version: 1,
      points: 50,
      spec: "",
      title: { en: "Two workers", zh: "Two workers" },
    });
    exerciseId = created.body.exercise.id;
    // Nothing to pass yet: publishing waits for a recorded spec, and says so with a key.
    const early = await teacher.json<ErrorBody>("PATCH", `/api/exercises/${exerciseId}`, { status: "PUBLISHED" });
    expect(early.status).toBe(409);
    expect(early.body.error).toEqual({
      code: "CONFLICT",
      message: "Record the expected trace before publishing: without it no submission can pass.",
      key: "exercise.recordBeforePublish",
    });
  });

  it("rejects a spec with its line and message, and keeps the stored one", async () => {
    const response = await teacher.json<ErrorBody>("PUT", `/api/exercises/${exerciseId}`, {
      spec: "# fine\nfinishes by banana\n",
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details?.["spec.line"]).toEqual(["2"]);
    expect(response.body.error.message).toMatch(/line 2/);
    const editor = await teacher.json<{ exercise: ExerciseForEditor }>("GET", `/api/exercises/${exerciseId}/editor`);
    expect(editor.body.exercise.spec).toBe("");
  });

  it("records the spec from the solution and checks a wrong solution against it; owner only", async () => {
    for (const [session, status] of [
      [stranger, 404],
      // Still a draft: to the class's student it does not exist (404, not 403).
      [student, 404],
    ] as const) {
      expect((await session.json("POST", `/api/exercises/${exerciseId}/record`, {})).status).toBe(status);
      expect((await session.json("POST", `/api/exercises/${exerciseId}/try`, { code: SEQUENTIAL })).status).toBe(
        status,
      );
      expect((await session.json("PUT", `/api/exercises/${exerciseId}`, { points: 1 })).status).toBe(status);
      expect((await session.json("GET", `/api/exercises/${exerciseId}/editor`)).status).toBe(status);
    }
    const recorded = await teacher.json<{ spec: string; trace: { status: string; events: { text: string }[] } }>(
      "POST",
      `/api/exercises/${exerciseId}/record`,
      {},
    );
    expect(recorded.status).toBe(200);
    expect(recorded.body.trace.status).toBe("ok");
    expect(recorded.body.spec).toMatch(/fast done[\s\S]*slow done[\s\S]*all done/);
    expect(
      (await teacher.json<{ exercise: ExerciseForEditor }>("GET", `/api/exercises/${exerciseId}/editor`)).body.exercise
        .spec,
    ).toBe(recorded.body.spec);

    const tried = await teacher.json<{ passed: boolean; firstDivergence: { reason: string } }>(
      "POST",
      `/api/exercises/${exerciseId}/try`,
      { code: SEQUENTIAL },
    );
    expect(tried.status).toBe(200);
    expect(tried.body.passed).toBe(false);
    expect(tried.body.firstDivergence.reason).toMatch(/order|time|text/);
  });

  it("students never see the solution or the spec, before or after publishing", async () => {
    expect((await student.json("GET", `/api/exercises/${exerciseId}`)).status).toBe(404);
    expect((await teacher.json("PATCH", `/api/exercises/${exerciseId}`, { status: "PUBLISHED" })).status).toBe(200);
    const view = await student.json<Record<string, unknown>>("GET", `/api/exercises/${exerciseId}`);
    expect(view.status).toBe(200);
    const text = JSON.stringify(view.body);
    expect(text).not.toContain("asyncio.gather");
    expect(text).not.toContain("all done");
    expect(Object.keys(view.body)).not.toEqual(expect.arrayContaining(["solution"]));
    expect(view.body).not.toHaveProperty("spec");
    expect(view.body).not.toHaveProperty("referenceSolution");
  });

  it("a student passes; a tampering submission waits for review; the dashboard shows both", async () => {
    const passed = await student.json<{ id: string }>("POST", `/api/exercises/${exerciseId}/submissions`, {
      code: SOLUTION,
    });
    expect(passed.status).toBe(202);
    expect(await graded(passed.body.id)).toMatchObject({ status: "passed" });
    const flagged = await student.json<{ id: string }>("POST", `/api/exercises/${exerciseId}/submissions`, {
      code: `import gc\n${SOLUTION}`,
    });
    expect(await graded(flagged.body.id)).toMatchObject({ status: "needs_review", score: 0 });

    expect((await stranger.json("GET", `/api/classes/${classId}/dashboard`)).status).toBe(404);
    expect((await student.json("GET", `/api/classes/${classId}/dashboard`)).status).toBe(403);
    const dashboard = await teacher.json<ClassDashboard>("GET", `/api/classes/${classId}/dashboard`);
    expect(dashboard.status).toBe(200);
    const [exercise] = dashboard.body.exercises;
    expect(exercise.stats).toMatchObject({ attempted: 1, passed: 1, passRate: 1, attemptsUntilPass: { "1": 1 } });
    expect(dashboard.body.reviewQueue).toEqual([
      expect.objectContaining({
        submissionId: flagged.body.id,
        studentName: "Student 2",
        reason: expect.stringMatching(/gc/),
      }),
    ]);
    expect(dashboard.body.recent.map((row) => row.status)).toEqual(["needs_review", "passed"]);

    expect(
      (await stranger.json("POST", `/api/submissions/${flagged.body.id}/review`, { decision: "accept" })).status,
    ).toBe(404);
    expect(
      (await student.json("POST", `/api/submissions/${flagged.body.id}/review`, { decision: "accept" })).status,
    ).toBe(403);
    expect(
      (await teacher.json("POST", `/api/submissions/${flagged.body.id}/review`, { decision: "maybe" })).status,
    ).toBe(400);
    const accepted = await teacher.json("POST", `/api/submissions/${flagged.body.id}/review`, { decision: "accept" });
    expect(accepted).toEqual({
      status: 200,
      body: { submissionId: flagged.body.id, decision: "accept", passed: true, score: 100 },
    });
    expect(await graded(flagged.body.id)).toMatchObject({ status: "passed", score: 100 });
    expect(
      (await teacher.json("POST", `/api/submissions/${flagged.body.id}/review`, { decision: "reject" })).status,
    ).toBe(409);
  });

  it("editing the published exercise creates version 2; version 1 stays for its submissions", async () => {
    const edited = await teacher.json<{ exercise: ExerciseForEditor }>("PUT", `/api/exercises/${exerciseId}`, {
      title: { en: "Two workers", zh: "两个工人" },
      points: 80,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.exercise).toMatchObject({
      version: 2,
      points: 80,
      editsCreateVersion: true,
      title: { zh: "两个工人" },
    });
    const view = await student.json<{ version: number; title: { zh: string } }>("GET", `/api/exercises/${exerciseId}`);
    expect(view.body).toMatchObject({ version: 2, title: { zh: "两个工人" } });
  });

  it("an exported exercise uploads into another class; bad files and other users are refused", async () => {
    const first = (await teacher.json<{ class: { id: string } }>("POST", "/api/classes", { name: "From" })).body.class
      .id;
    const second = (await teacher.json<{ class: { id: string } }>("POST", "/api/classes", { name: "To" })).body.class
      .id;
    await teacher.json("POST", `/api/classes/${first}/exercises/import`, { slugs: ["01-greenlet-ping-pong"] });
    const [exercise] = (await teacher.json<{ exercises: { id: string }[] }>("GET", `/api/classes/${first}/exercises`))
      .body.exercises;
    const exported = await teacher.json<{ package: { manifest: { slug: string } } }>(
      "GET",
      `/api/exercises/${exercise.id}/export`,
    );

    expect((await stranger.json("POST", `/api/classes/${second}/exercises/upload`, exported.body)).status).toBe(404);
    const broken = await teacher.json<ErrorBody>("POST", `/api/classes/${second}/exercises/upload`, {
      package: { ...exported.body.package, expectedTrace: 42 },
    });
    expect(broken.status).toBe(400);
    expect(Object.keys(broken.body.error.details ?? {})).toContain("package.expectedTrace");

    const uploaded = await teacher.json("POST", `/api/classes/${second}/exercises/upload`, exported.body);
    expect(uploaded).toMatchObject({
      status: 200,
      body: { slug: "01-greenlet-ping-pong", outcome: "created", status: "DRAFT" },
    });
    const again = await teacher.json("POST", `/api/classes/${second}/exercises/upload`, exported.body);
    expect(again).toMatchObject({ status: 200, body: { outcome: "unchanged" } });
  });
});
