/**
 * The assignment routes through the real production server: the create contract (201
 * `{ assignment }`), clear 400s that store nothing, students seeing published assignments with
 * their own progress, submissions refused (403, nothing stored) before opening, after the due time
 * under "refuse" and past the attempts limit, and students never reaching the gradebook or files.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "@/scripts/production-build";
import { HttpSession } from "@/tests/helpers/http-session";
import { startClassServer } from "@/tests/helpers/class-server";
import type { TestServer } from "@/tests/helpers/server";

type ErrorBody = { error: { code: string; message: string; details?: Record<string, string[]> } };
type Assignment = {
  id: string;
  title: string;
  dueAt: string;
  published: boolean;
  progress?: { total: number; cells: { status: string; attempts: number }[] };
};
const SLUG = "05-create-task-concurrency";
const HOUR = 3_600_000;

describe("assignment routes over HTTP", () => {
  let server: TestServer;
  let teacher: HttpSession;
  let student: HttpSession;
  let outsider: HttpSession;
  let classId: string;
  let exerciseId: string;

  async function create(body: Record<string, unknown>) {
    return teacher.json<{ assignment: Assignment } & ErrorBody>("POST", `/api/classes/${classId}/assignments`, {
      title: "HW",
      dueAt: new Date(Date.now() + 48 * HOUR).toISOString(),
      latePolicy: { kind: "refuse" },
      exercises: [{ exerciseId, points: 10 }],
      ...body,
    });
  }

  const submit = (assignmentId: string) =>
    student.json<ErrorBody>("POST", `/api/exercises/${exerciseId}/submissions`, {
      code: readFileSync(path.join(REPO_ROOT, "content/exercises", SLUG, "solution.py"), "utf8"),
      assignmentId,
    });
  const attempts = async (assignmentId: string) =>
    (await student.json<{ assignment: Assignment }>("GET", `/api/assignments/${assignmentId}`)).body.assignment.progress
      ?.cells[0].attempts;

  beforeAll(async () => {
    ({ server, teacher, student, outsider, classId } = await startClassServer({
      teacher: "Grace",
      student: "Sam",
      outsider: { name: "Olga", role: "student" },
      className: "Async 101",
      prepare: async (owner, id) => {
        await owner.json("POST", `/api/classes/${id}/exercises/import`, { slugs: [SLUG], publish: true });
      },
    }));
    exerciseId = (await teacher.json<{ exercises: { id: string }[] }>("GET", `/api/classes/${classId}/exercises`)).body
      .exercises[0].id;
    expect((await teacher.json("PUT", `/api/classes/${classId}/time-zone`, { timeZone: "Europe/Berlin" })).status).toBe(
      200,
    );
  }, 600_000);

  afterAll(async () => {
    await server?.stop();
  });

  it("creates with 201 { assignment }, reading zone-less times in the class's zone; bad input is a 400 that stores nothing", async () => {
    const created = await create({
      title: "Week 1",
      dueAt: "2026-07-01T23:59",
      latePolicy: { kind: "penalty", percentPerDay: 5, maxPercent: 20 },
      attemptsLimit: 2,
    });
    expect(created.status).toBe(201);
    expect(created.body.assignment).toMatchObject({
      title: "Week 1",
      dueAt: "2026-07-01T21:59:00.000Z",
      latePolicy: { kind: "penalty", percentPerDay: 5, maxPercent: 20 },
      attemptsLimit: 2,
      scorePolicy: "best",
      published: true,
      timeZone: "Europe/Berlin",
    });
    const before = (await teacher.json<{ assignments: Assignment[] }>("GET", `/api/classes/${classId}/assignments`))
      .body.assignments.length;
    const bad = [
      await create({ latePolicy: { kind: "later" } }),
      await create({ dueAt: "next friday" }),
      await create({ opensAt: "2026-07-02T00:00", dueAt: "2026-07-01T00:00" }),
      await create({ exercises: [{ exerciseId: "nope", points: 10 }] }),
      await create({ exercises: [] }),
      await create({ latePolicy: { kind: "penalty", percentPerDay: 50, maxPercent: 10 } }),
      await teacher.json<ErrorBody>("PUT", `/api/classes/${classId}/time-zone`, { timeZone: "Mars/Olympus" }),
    ];
    expect(bad.map((r) => r.status)).toEqual([400, 400, 400, 400, 400, 400, 400]);
    expect(bad[1].body.error.message).toMatch(/dueAt is not a date and time/);
    expect(bad[2].body.error.message).toBe("The assignment must open before it is due.");
    expect(
      (await teacher.json<{ assignments: Assignment[] }>("GET", `/api/classes/${classId}/assignments`)).body
        .assignments,
    ).toHaveLength(before);
    expect((await student.json<ErrorBody>("POST", `/api/classes/${classId}/assignments`, { title: "x" })).status).toBe(
      400,
    );
    expect(
      (
        await student.json<ErrorBody>("POST", `/api/classes/${classId}/assignments`, {
          title: "x",
          dueAt: "2026-07-01T00:00",
          latePolicy: { kind: "refuse" },
          exercises: [{ exerciseId, points: 1 }],
        })
      ).status,
    ).toBe(403);
  });

  it("students see published assignments with their progress, never drafts; outsiders see nothing", async () => {
    const draft = await create({ title: "Draft", published: false });
    const list = await student.json<{ canManage: boolean; assignments: Assignment[] }>(
      "GET",
      `/api/classes/${classId}/assignments`,
    );
    expect(list.body.canManage).toBe(false);
    expect(list.body.assignments.map((a) => a.title)).not.toContain("Draft");
    expect(list.body.assignments[0].progress).toMatchObject({
      total: 0,
      cells: [{ status: "not_tried", attempts: 0 }],
    });
    expect((await student.json("GET", `/api/assignments/${draft.body.assignment.id}`)).status).toBe(404);
    expect((await outsider.json("GET", `/api/classes/${classId}/assignments`)).status).toBe(404);
  });

  it("refuses before opening and after the due time under refuse (403, nothing stored); the attempts limit too", async () => {
    const future = await create({ opensAt: new Date(Date.now() + HOUR).toISOString() });
    const past = await create({ dueAt: new Date(Date.now() - HOUR).toISOString() });
    const once = await create({ attemptsLimit: 1 });
    const early = await submit(future.body.assignment.id);
    expect(early.status).toBe(403);
    expect(early.body.error.message).toMatch(
      /^This assignment opens at .* \(Europe\/Berlin\); nothing was submitted\.$/,
    );
    const late = await submit(past.body.assignment.id);
    expect(late.status).toBe(403);
    expect(late.body.error.message).toMatch(/does not accept late work/);
    expect(await attempts(future.body.assignment.id)).toBe(0);
    expect(await attempts(past.body.assignment.id)).toBe(0);
    expect((await submit(once.body.assignment.id)).status).toBe(202);
    const again = await submit(once.body.assignment.id);
    expect(again.status).toBe(403);
    expect(again.body.error.message).toBe(
      "You have used all 1 attempts for this exercise in this assignment; nothing was submitted.",
    );
    expect(await attempts(once.body.assignment.id)).toBe(1);
  });

  it("students never reach the gradebook, overrides, extensions or files; the owner downloads text/csv with a BOM", async () => {
    const id = (await create({ title: "Files" })).body.assignment.id;
    for (const [method, url, body] of [
      ["GET", `/api/assignments/${id}/gradebook`, undefined],
      ["GET", `/api/assignments/${id}/export?format=canvas`, undefined],
      ["GET", `/api/assignments/${id}/export?format=archive`, undefined],
      ["POST", `/api/assignments/${id}/overrides`, { userId: "x", exerciseId, points: 1, reason: "x" }],
      ["POST", `/api/assignments/${id}/extensions`, { userId: "x", dueAt: "2030-01-01T00:00", reason: "x" }],
      ["DELETE", `/api/assignments/${id}`, undefined],
    ] as const) {
      expect((await student.json(method, url, body)).status).toBe(403);
      expect((await outsider.json(method, url, body)).status).toBe(404);
    }
    const response = await teacher.fetch(`/api/assignments/${id}/export?format=moodle`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="Async-101-Files-moodle-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toMatch(/^Email address,Files\r\nsam-[^,]+,0\r\n$/);
    expect((await teacher.json<ErrorBody>("GET", `/api/assignments/${id}/export?format=xlsx`)).status).toBe(400);
    const zip = await teacher.fetch(`/api/assignments/${id}/export?format=archive`);
    expect(zip.headers.get("content-type")).toBe("application/zip");
    expect([...new Uint8Array(await zip.arrayBuffer()).slice(0, 2)]).toEqual([0x50, 0x4b]);
  });
});
