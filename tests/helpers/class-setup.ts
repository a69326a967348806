/**
 * The usual end-to-end starting point, set up through the API: an instructor, a class of theirs,
 * and a student who joined it by its code.
 */
import { HttpSession } from "@/tests/helpers/http-session";

interface Person {
  email: string;
  name: string;
}

export interface ClassSetup {
  teacher: HttpSession;
  student: HttpSession;
  classId: string;
  joinCode: string;
}

export async function classWithStudent(
  url: string,
  options: {
    password: string;
    teacher: Person;
    className: string;
    student: Person;
    /** Runs once the class exists, before the student joins (e.g. importing exercises). */
    prepare?: (teacher: HttpSession, classId: string) => Promise<void>;
  },
): Promise<ClassSetup> {
  const { password } = options;
  const teacher = new HttpSession(url);
  await teacher.signUpAndSignIn({ ...options.teacher, password, role: "instructor" });
  const created = await teacher.json<{ class: { id: string; joinCode: string } }>("POST", "/api/classes", {
    name: options.className,
  });
  const { id: classId, joinCode } = created.body.class;
  await options.prepare?.(teacher, classId);
  const student = new HttpSession(url);
  await student.signUpAndSignIn({ ...options.student, password, role: "student" });
  const joined = await student.json("POST", "/api/classes/join", { code: joinCode });
  if (joined.status !== 201) throw new Error(`join failed: ${joined.status} ${JSON.stringify(joined.body)}`);
  return { teacher, student, classId, joinCode };
}
