/**
 * The seeded world of the authorization matrix, built over real HTTP against the running test
 * server: two classes with their instructors and students, an admin, a published and a draft
 * exercise, a published and a draft assignment, a running round and a student's submission. Each
 * role of the matrix is one signed-in browser (tests/helpers/authz-callers.ts).
 */
import { getDb } from "@/lib/db/get-db";
import { insertEnrollment } from "@/lib/db/enrollments";
import { HttpSession, uniqueEmail } from "@/tests/helpers/http-session";
import { PREDICT, RIGHT } from "@/tests/helpers/live";

export const ROLES = ["anon", "student", "outsider", "owner", "otherInstructor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const PASSWORD = "matrix pass 123";

export interface World {
  url: string;
  users: Record<Exclude<Role, "anon">, { id: string; email: string }>;
  /** Class A: owner's, with `student`; class B: otherInstructor's, with `outsider`. */
  classA: { id: string; joinCode: string };
  classB: { id: string; joinCode: string };
  /** A third class (otherInstructor's) whose code the join row uses, so joining changes nothing else. */
  joinable: { id: string; joinCode: string };
  published: string;
  draft: string;
  assignment: string;
  draftAssignment: string;
  round: string;
  submission: string;
  /** A package as GET /api/exercises/:id/export returns it, for the upload row. */
  exercisePackage: unknown;
}

async function expectStatus<T>(what: string, result: { status: number; body: T }, ...ok: number[]): Promise<T> {
  if (!ok.includes(result.status)) throw new Error(`${what}: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

async function signUp(url: string, role: "instructor" | "student", name: string) {
  const session = new HttpSession(url);
  const email = uniqueEmail(`authz-${name.toLowerCase()}`);
  const id = await session.signUpAndSignIn({ email, password: PASSWORD, name, role });
  return { session, user: { id, email } };
}

async function newClass(session: HttpSession, name: string) {
  const body = await expectStatus(
    `create ${name}`,
    await session.json<{ class: { id: string; joinCode: string } }>("POST", "/api/classes", { name }),
    201,
  );
  return body.class;
}

/** A due date a week ahead, in the class zone's "YYYY-MM-DDTHH:mm" form. */
export function nextWeek(): string {
  return new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 16);
}

/** Needs getDb() pointed at the server's database (useDatabaseUrl) for the admin flag. */
export async function buildWorld(url: string): Promise<World> {
  const owner = await signUp(url, "instructor", "Owner");
  const other = await signUp(url, "instructor", "Other");
  const admin = await signUp(url, "instructor", "Admin");
  const student = await signUp(url, "student", "Student");
  const outsider = await signUp(url, "student", "Outsider");
  await getDb().user.update({ where: { id: admin.user.id }, data: { isAdmin: true } });

  const classA = await newClass(owner.session, "Class A");
  const classB = await newClass(other.session, "Class B");
  const joinable = await newClass(other.session, "Joinable");
  await expectStatus("join A", await student.session.json("POST", "/api/classes/join", { code: classA.joinCode }), 201);
  await expectStatus(
    "join B",
    await outsider.session.json("POST", "/api/classes/join", { code: classB.joinCode }),
    201,
  );

  const o = owner.session;
  await expectStatus(
    "import",
    await o.json("POST", `/api/classes/${classA.id}/exercises/import`, { slugs: [PREDICT], publish: true }),
    200,
  );
  const listed = await o.json<{ exercises: { id: string }[] }>("GET", `/api/classes/${classA.id}/exercises`);
  const published = (await expectStatus("list", listed, 200)).exercises[0].id;
  const draft = (
    await expectStatus(
      "draft",
      await o.json<{ exercise: { id: string } }>("POST", `/api/classes/${classA.id}/exercises`, {
        kind: "write-code",
        title: { en: "Draft" },
        prompt: { en: "Not yet for students." },
        solution: "print('hi')\n",
      }),
      201,
    )
  ).exercise.id;
  const exported = await expectStatus(
    "export",
    await o.json<{ package: unknown }>("GET", `/api/exercises/${published}/export`),
    200,
  );
  const submission = (
    await expectStatus(
      "submit",
      await student.session.json<{ id: string }>("POST", `/api/exercises/${published}/submissions`, { code: RIGHT }),
      202,
    )
  ).id;
  const assignment = await createAssignment(o, classA.id, published, true);
  const draftAssignment = await createAssignment(o, classA.id, published, false);
  const round = await startRound(o, classA.id, published);

  return {
    url,
    users: {
      owner: owner.user,
      otherInstructor: other.user,
      admin: admin.user,
      student: student.user,
      outsider: outsider.user,
    },
    classA,
    classB,
    joinable,
    published,
    draft,
    assignment,
    draftAssignment,
    round,
    submission,
    exercisePackage: exported.package,
  };
}

export async function createAssignment(
  owner: HttpSession,
  classId: string,
  exerciseId: string,
  published = true,
): Promise<string> {
  const created = await owner.json<{ assignment: { id: string } }>("POST", `/api/classes/${classId}/assignments`, {
    title: published ? "Homework" : "Draft homework",
    dueAt: nextWeek(),
    latePolicy: { kind: "refuse" },
    published,
    exercises: [{ exerciseId, points: 10 }],
    timeZone: "UTC",
  });
  return (await expectStatus("assignment", created, 201)).assignment.id;
}

/** Ends the class's running round (if any) and starts a new one. */
export async function startRound(owner: HttpSession, classId: string, exerciseId: string): Promise<string> {
  const rounds = await owner.json<{ current: { id: string } | null }>("GET", `/api/classes/${classId}/rounds`);
  if (rounds.body.current) await owner.json("POST", `/api/rounds/${rounds.body.current.id}/end`);
  const started = await owner.json<{ round: { id: string } }>("POST", `/api/classes/${classId}/rounds`, {
    exerciseId,
    durationSeconds: 3600,
  });
  return (await expectStatus("round", started, 201)).round.id;
}

/** A fresh student of class A (for the rows that remove one); class A's code may have been rotated. */
export async function enrolledStudent(world: World): Promise<string> {
  const { user } = await signUp(world.url, "student", "Extra");
  await insertEnrollment(world.classA.id, user.id);
  return user.id;
}
