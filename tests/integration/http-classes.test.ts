import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseProvider } from "@/lib/db/database-url";
import { describeEachProvider } from "@/tests/helpers/db";
import { HttpSession, uniqueEmail } from "@/tests/helpers/http-session";
import { startTestServer, type TestServer } from "@/tests/helpers/server";

type ErrorBody = { error: { code: string; message: string; details?: Record<string, string[]> } };
type ClassBody = { class: { id: string; name: string; joinCode: string } };

// The whole HTTP stack (pages bundle, Prisma adapter, transactions) against both providers.
describeEachProvider("class routes over HTTP", (provider: DatabaseProvider) => {
  let server: TestServer;
  let instructor: HttpSession;
  let otherInstructor: HttpSession;
  let student: HttpSession;
  let studentId: string;

  async function newUser(role: "instructor" | "student", name: string): Promise<{ session: HttpSession; id: string }> {
    const session = new HttpSession(server.url);
    const id = await session.signUpAndSignIn({
      email: uniqueEmail(name.toLowerCase()),
      password: "password 123",
      name,
      role,
    });
    return { session, id };
  }

  async function createClass(session: HttpSession, name: string): Promise<ClassBody["class"]> {
    const response = await session.json<ClassBody>("POST", "/api/classes", { name });
    expect(response.status).toBe(201);
    return response.body.class;
  }

  beforeAll(async () => {
    server = await startTestServer({ provider });
    instructor = (await newUser("instructor", "Grace")).session;
    otherInstructor = (await newUser("instructor", "Linus")).session;
    const s = await newUser("student", "Sam");
    student = s.session;
    studentId = s.id;
  });

  afterAll(async () => {
    await server?.stop();
  });

  it("requires a session (401) and the instructor role to create (403)", async () => {
    const anonymous = new HttpSession(server.url);
    expect((await anonymous.json<ErrorBody>("GET", "/api/classes")).status).toBe(401);
    const asStudent = await student.json<ErrorBody>("POST", "/api/classes", { name: "Sneaky" });
    expect(asStudent.status).toBe(403);
    expect(asStudent.body.error.code).toBe("FORBIDDEN");
  });

  it("validates the class name with a field message", async () => {
    const response = await instructor.json<ErrorBody>("POST", "/api/classes", { name: "   " });
    expect(response.status).toBe(400);
    expect(response.body.error.details?.name?.[0]).toBe("Enter a class name.");
  });

  it("creates a class with a join code and lists it with its student count", async () => {
    const created = await createClass(instructor, "Async 101");
    expect(created.name).toBe("Async 101");
    expect(created.joinCode).toMatch(/^[A-Z0-9-]{4,16}$/);
    const list = await instructor.json<{ classes: Array<{ id: string; studentCount: number }> }>("GET", "/api/classes");
    expect(list.body.classes).toContainEqual(expect.objectContaining({ id: created.id, studentCount: 0 }));
  });

  it("hides another instructor's class as 404", async () => {
    const created = await createClass(instructor, "Private");
    const response = await otherInstructor.json<ErrorBody>("GET", `/api/classes/${created.id}`);
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe("NOT_FOUND");
    expect((await otherInstructor.json("GET", `/api/classes/${created.id}/roster`)).status).toBe(404);
    expect((await otherInstructor.json("POST", `/api/classes/${created.id}/rotate-code`)).status).toBe(404);
  });

  it("lets a student join with the code (any case), idempotently, and shows them on the roster", async () => {
    const created = await createClass(instructor, "Joinable");
    const wrong = await student.json<ErrorBody>("POST", "/api/classes/join", { code: "NOPE-NOPE" });
    expect(wrong.status).toBe(404);
    expect(wrong.body.error.message).toContain("No class has the join code");
    const empty = await student.json<ErrorBody>("POST", "/api/classes/join", { code: "" });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details?.code).toEqual(["Enter the join code."]);

    const joined = await student.json<ClassBody>("POST", "/api/classes/join", { code: created.joinCode.toLowerCase() });
    expect(joined.status).toBe(201);
    expect(joined.body.class.id).toBe(created.id);

    const again = await student.json<ClassBody & { alreadyEnrolled: boolean }>("POST", "/api/classes/join", {
      code: created.joinCode,
    });
    expect(again.status).toBe(200);
    expect(again.body.alreadyEnrolled).toBe(true);

    const roster = await instructor.json<{ students: Array<{ id: string; name: string }> }>(
      "GET",
      `/api/classes/${created.id}/roster`,
    );
    expect(roster.body.students.map((s) => s.id)).toEqual([studentId]);
    expect((await student.json("GET", `/api/classes/${created.id}`)).status).toBe(200);
    expect((await student.json("GET", `/api/classes/${created.id}/roster`)).status).toBe(403);
  });

  it("removes a student: they lose access and the roster is empty", async () => {
    const created = await createClass(instructor, "Removal");
    expect((await student.json("POST", "/api/classes/join", { code: created.joinCode })).status).toBe(201);
    const removed = await instructor.json("DELETE", `/api/classes/${created.id}/students/${studentId}`);
    expect(removed.status).toBe(200);
    expect((await student.json("GET", `/api/classes/${created.id}`)).status).toBe(404);
    const roster = await instructor.json<{ students: unknown[] }>("GET", `/api/classes/${created.id}/roster`);
    expect(roster.body.students).toEqual([]);
    const rejoin = await student.json<ErrorBody>("POST", "/api/classes/join", { code: created.joinCode });
    expect(rejoin.status).toBe(403);
  });

  it("rotates the join code: the old one stops working", async () => {
    const created = await createClass(instructor, "Rotation");
    const rotated = await instructor.json<ClassBody>("POST", `/api/classes/${created.id}/rotate-code`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.class.joinCode).not.toBe(created.joinCode);
    expect((await student.json("POST", "/api/classes/join", { code: created.joinCode })).status).toBe(404);
    expect((await student.json("POST", "/api/classes/join", { code: rotated.body.class.joinCode })).status).toBe(201);
  });
});
