/**
 * For the editor-API integration tests: one production server, a class owned by an instructor, a
 * student who joined it, and another instructor (the "stranger" every owner-only route refuses).
 */
import type { HttpSession } from "@/tests/helpers/http-session";
import { newUser } from "@/tests/helpers/live";
import { startTestServer, type StartOptions, type TestServer } from "@/tests/helpers/server";

export interface AuthoringClass {
  server: TestServer;
  teacher: HttpSession;
  stranger: HttpSession;
  student: HttpSession;
  classId: string;
}

export async function startAuthoringClass(
  names: { teacher: string; stranger: string; student: string; className: string },
  options: StartOptions = {},
): Promise<AuthoringClass> {
  const server = await startTestServer(options);
  try {
    const teacher = await newUser(server.url, "instructor", names.teacher);
    const stranger = await newUser(server.url, "instructor", names.stranger);
    const student = await newUser(server.url, "student", names.student);
    const created = await teacher.json<{ class: { id: string; joinCode: string } }>("POST", "/api/classes", {
      name: names.className,
    });
    const joined = await student.json("POST", "/api/classes/join", { code: created.body.class.joinCode });
    if (joined.status !== 201) throw new Error(`join failed: ${joined.status} ${JSON.stringify(joined.body)}`);
    return { server, teacher, stranger, student, classId: created.body.class.id };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

export type GradedSubmission = { status: string; passed: boolean | null; score: number | null };

/** Polls a submission until it leaves queued/running (at most 90 s; then it throws with the server's log). */
export async function graded(session: HttpSession, id: string, server: TestServer): Promise<GradedSubmission> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const response = await session.json<GradedSubmission>("GET", `/api/submissions/${id}`);
    if (!["queued", "running"].includes(response.body.status)) return response.body;
    if (Date.now() > deadline)
      throw new Error(`submission ${id} still ${response.body.status}:\n${server.output().slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
