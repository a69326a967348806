/**
 * For the HTTP integration tests: one production server, a class owned by an instructor, a student
 * who joined it, and one more account outside the class (another instructor every owner-only route
 * refuses, or a student who never joined).
 */
import type { HttpSession } from "@/tests/helpers/http-session";
import { newUser } from "@/tests/helpers/live";
import { startTestServer, type StartOptions, type TestServer } from "@/tests/helpers/server";

export interface ClassServer {
  server: TestServer;
  teacher: HttpSession;
  student: HttpSession;
  outsider: HttpSession;
  classId: string;
}

export async function startClassServer(
  names: {
    teacher: string;
    student: string;
    outsider: { name: string; role: "instructor" | "student" };
    className: string;
    /** Runs once the class exists, before the student joins (e.g. importing exercises). */
    prepare?: (teacher: HttpSession, classId: string) => Promise<void>;
  },
  options: StartOptions = {},
): Promise<ClassServer> {
  const server = await startTestServer(options);
  try {
    const teacher = await newUser(server.url, "instructor", names.teacher);
    const outsider = await newUser(server.url, names.outsider.role, names.outsider.name);
    const student = await newUser(server.url, "student", names.student);
    const created = await teacher.json<{ class: { id: string; joinCode: string } }>("POST", "/api/classes", {
      name: names.className,
    });
    const classId = created.body.class.id;
    await names.prepare?.(teacher, classId);
    const joined = await student.json("POST", "/api/classes/join", { code: created.body.class.joinCode });
    if (joined.status !== 201) throw new Error(`join failed: ${joined.status} ${JSON.stringify(joined.body)}`);
    return { server, teacher, student, outsider, classId };
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
