/**
 * THE authorization table: every route handler and method, every server action and every
 * client→server socket event, each with the expected answer for all six roles. Presets keep rows
 * short; a row states its own cells where it differs. "No access" to something you cannot see
 * is 404; an action you may not take on something you can see is 403.
 */
import type { Expect } from "@/tests/helpers/authz-callers";
import { enrolledStudent, createAssignment, startRound, type World } from "@/tests/helpers/authz-world";
import type { HttpSession } from "@/tests/helpers/http-session";
import { RIGHT } from "@/tests/helpers/live";

const cells = (anon: number, student: number, outsider: number, owner: number, other: number, admin: number) =>
  ({ anon, student, outsider, owner, otherInstructor: other, admin }) satisfies Expect;

/** Anyone in the class (its students, its instructor, admins) reads it; others cannot see it. */
export const MEMBERS = cells(401, 200, 404, 200, 404, 200);
/** The class's instructor (and admins) act; its students may see the class but not do this. */
export const STAFF = cells(401, 403, 404, 200, 404, 200);
/** Routes behind `auth: "instructor"`: any student is refused by role before the class is looked up. */
export const STAFF_ROUTE = cells(401, 403, 403, 200, 404, 200);
/** A draft (or unpublished assignment): students cannot see it at all. */
export const DRAFT = cells(401, 404, 404, 200, 404, 200);
/** Who takes part: students of the class and the owner trying their own exercise; admins only watch. */
export const SUBMITTERS = cells(401, 200, 404, 200, 404, 403);
export const ANY_USER = cells(401, 200, 200, 200, 200, 200);
export const ADMIN_ONLY = cells(401, 403, 403, 403, 403, 200);
export const everyone = (status: number) => cells(status, status, status, status, status, status);
/** The preset with its 200 cells replaced (201 Created, 202 Accepted). */
export const succeeds = (preset: Expect, status: number): Expect =>
  Object.fromEntries(Object.entries(preset).map(([role, s]) => [role, s === 200 ? status : s])) as Expect;

/** Per-call ids for rows that consume what they act on (a removed student, a deleted assignment). */
type Fresh = (world: World, owner: HttpSession) => Promise<string>;

export interface RouteRow {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The route file's folder under app/api, e.g. "classes/[id]/roster". */
  route: string;
  /** Tells rows of the same route apart (e.g. the draft variant). */
  label?: string;
  path: (world: World, fresh: string) => string;
  body?: (world: World) => unknown;
  fresh?: Fresh;
  /** The row ends the caller's sessions: run last, sign in again after each call. */
  endsSession?: boolean;
  expect: Expect;
}

const A = (w: World) => `/api/classes/${w.classA.id}`;
const pub = (w: World) => `/api/exercises/${w.published}`;
const draft = (w: World) => `/api/exercises/${w.draft}`;
const asg = (w: World) => `/api/assignments/${w.assignment}`;
const freshAssignment: Fresh = (w, owner) => createAssignment(owner, w.classA.id, w.published);
const freshRound: Fresh = (w, owner) => startRound(owner, w.classA.id, w.published);
const freshStudent: Fresh = (w) => enrolledStudent(w);
/** Ends the running round so a "start a round" call can succeed. */
const noRound: Fresh = async (w, owner) => {
  const rounds = await owner.json<{ current: { id: string } | null }>("GET", `${A(w)}/rounds`);
  if (rounds.body.current) await owner.json("POST", `/api/rounds/${rounds.body.current.id}/end`);
  return "";
};
const catchAll = (method: RouteRow["method"]): RouteRow => ({
  method,
  route: "[...path]",
  path: () => "/api/no/such/route",
  expect: everyone(404),
});

export const ROUTES: RouteRow[] = [
  ...(["GET", "POST", "PUT", "PATCH", "DELETE"] as const).map(catchAll),
  {
    method: "POST",
    route: "admin/users/[id]/role",
    path: (w) => `/api/admin/users/${w.users.outsider.id}/role`,
    body: () => ({ role: "student" }),
    expect: ADMIN_ONLY,
  },
  { method: "GET", route: "assignments/[id]/export", path: (w) => `${asg(w)}/export?format=csv`, expect: STAFF },
  {
    method: "POST",
    route: "assignments/[id]/extensions",
    path: (w) => `${asg(w)}/extensions`,
    body: (w) => ({ userId: w.users.student.id, dueAt: null, reason: "matrix" }),
    expect: STAFF,
  },
  { method: "GET", route: "assignments/[id]/gradebook", path: (w) => `${asg(w)}/gradebook`, expect: STAFF },
  {
    method: "POST",
    route: "assignments/[id]/overrides",
    path: (w) => `${asg(w)}/overrides`,
    body: (w) => ({ userId: w.users.student.id, exerciseId: w.published, points: null, reason: "matrix" }),
    expect: STAFF,
  },
  { method: "GET", route: "assignments/[id]", path: asg, expect: MEMBERS },
  {
    method: "GET",
    route: "assignments/[id]",
    label: "draft",
    path: (w) => `/api/assignments/${w.draftAssignment}`,
    expect: DRAFT,
  },
  { method: "PATCH", route: "assignments/[id]", path: asg, body: () => ({ title: "Homework" }), expect: STAFF },
  {
    method: "DELETE",
    route: "assignments/[id]",
    path: (_w, id) => `/api/assignments/${id}`,
    fresh: freshAssignment,
    expect: STAFF,
  },
  { method: "GET", route: "auth/[...nextauth]", path: () => "/api/auth/session", expect: everyone(200) },
  // Sign-out without a CSRF token: next-auth sends the browser back to the page, nothing happens.
  { method: "POST", route: "auth/[...nextauth]", path: () => "/api/auth/signout", expect: everyone(302) },
  {
    method: "POST",
    route: "auth/sign-out-everywhere",
    path: () => "/api/auth/sign-out-everywhere",
    endsSession: true,
    expect: ANY_USER,
  },
  { method: "POST", route: "auth/signup", path: () => "/api/auth/signup", expect: everyone(400) },
  { method: "GET", route: "classes/[id]/assignments", path: (w) => `${A(w)}/assignments`, expect: MEMBERS },
  {
    method: "POST",
    route: "classes/[id]/assignments",
    path: (w) => `${A(w)}/assignments`,
    body: (w) => ({
      title: "More homework",
      dueAt: new Date(Date.now() + 86_400_000).toISOString(),
      latePolicy: { kind: "refuse" },
      exercises: [{ exerciseId: w.published, points: 5 }],
    }),
    expect: succeeds(STAFF, 201),
  },
  { method: "GET", route: "classes/[id]/dashboard", path: (w) => `${A(w)}/dashboard`, expect: STAFF },
  {
    method: "POST",
    route: "classes/[id]/exercises/import",
    path: (w) => `${A(w)}/exercises/import`,
    body: () => ({ slugs: ["13-predict-sequential-await"] }),
    expect: STAFF,
  },
  {
    method: "POST",
    route: "classes/[id]/exercises/upload",
    path: (w) => `${A(w)}/exercises/upload`,
    body: (w) => ({ package: w.exercisePackage }),
    expect: STAFF,
  },
  { method: "GET", route: "classes/[id]/exercises", path: (w) => `${A(w)}/exercises`, expect: MEMBERS },
  {
    method: "POST",
    route: "classes/[id]/exercises",
    path: (w) => `${A(w)}/exercises`,
    body: () => ({ kind: "write-code", title: { en: "New" }, prompt: { en: "New" }, solution: "print(1)\n" }),
    expect: succeeds(STAFF, 201),
  },
  {
    method: "POST",
    route: "classes/[id]/leaderboard/alias",
    path: (w) => `${A(w)}/leaderboard/alias`,
    body: () => ({ alias: "Matrix" }),
    expect: cells(401, 200, 404, 403, 404, 403),
  },
  { method: "GET", route: "classes/[id]/leaderboard", path: (w) => `${A(w)}/leaderboard`, expect: MEMBERS },
  { method: "GET", route: "classes/[id]/roster", path: (w) => `${A(w)}/roster`, expect: STAFF_ROUTE },
  { method: "POST", route: "classes/[id]/rotate-code", path: (w) => `${A(w)}/rotate-code`, expect: STAFF_ROUTE },
  {
    method: "POST",
    route: "classes/[id]/rounds",
    path: (w) => `${A(w)}/rounds`,
    body: (w) => ({ exerciseId: w.published, durationSeconds: 3600 }),
    fresh: noRound,
    expect: succeeds(STAFF, 201),
  },
  { method: "GET", route: "classes/[id]/rounds", path: (w) => `${A(w)}/rounds`, expect: MEMBERS },
  { method: "GET", route: "classes/[id]", path: A, expect: MEMBERS },
  {
    method: "DELETE",
    route: "classes/[id]/students/[studentId]",
    path: (w, id) => `${A(w)}/students/${id}`,
    fresh: freshStudent,
    expect: STAFF_ROUTE,
  },
  {
    method: "PUT",
    route: "classes/[id]/time-zone",
    path: (w) => `${A(w)}/time-zone`,
    body: () => ({ timeZone: "UTC" }),
    expect: STAFF,
  },
  {
    method: "POST",
    route: "classes/join",
    path: () => "/api/classes/join",
    body: (w) => ({ code: w.joinable.joinCode }),
    expect: cells(401, 201, 201, 403, 403, 403),
  },
  { method: "GET", route: "classes", path: () => "/api/classes", expect: ANY_USER },
  {
    method: "POST",
    route: "classes",
    path: () => "/api/classes",
    body: () => ({ name: "Another" }),
    expect: cells(401, 403, 403, 201, 201, 201),
  },
  { method: "GET", route: "exercises/[id]/editor", path: (w) => `${pub(w)}/editor`, expect: STAFF },
  { method: "GET", route: "exercises/[id]/editor", label: "draft", path: (w) => `${draft(w)}/editor`, expect: DRAFT },
  { method: "GET", route: "exercises/[id]/export", path: (w) => `${pub(w)}/export`, expect: STAFF },
  // A draft without a recorded spec cannot be exported yet (422) — an answer only its managers reach.
  {
    method: "GET",
    route: "exercises/[id]/export",
    label: "draft",
    path: (w) => `${draft(w)}/export`,
    expect: cells(401, 404, 404, 422, 404, 422),
  },
  { method: "GET", route: "exercises/[id]/grading-progress", path: (w) => `${pub(w)}/grading-progress`, expect: STAFF },
  {
    method: "GET",
    route: "exercises/[id]/grading-progress",
    label: "draft",
    path: (w) => `${draft(w)}/grading-progress`,
    expect: DRAFT,
  },
  // Runs the reference solution in the sandbox: only on the draft (a published one would get a new version).
  { method: "POST", route: "exercises/[id]/record", path: (w) => `${draft(w)}/record`, expect: DRAFT },
  { method: "POST", route: "exercises/[id]/regrade", path: (w) => `${pub(w)}/regrade`, expect: STAFF },
  {
    method: "POST",
    route: "exercises/[id]/regrade",
    label: "draft",
    path: (w) => `${draft(w)}/regrade`,
    expect: DRAFT,
  },
  { method: "GET", route: "exercises/[id]", path: pub, expect: MEMBERS },
  { method: "GET", route: "exercises/[id]", label: "draft", path: draft, expect: DRAFT },
  { method: "PATCH", route: "exercises/[id]", path: pub, body: () => ({ status: "PUBLISHED" }), expect: STAFF },
  {
    method: "PATCH",
    route: "exercises/[id]",
    label: "draft",
    path: draft,
    body: () => ({ status: "DRAFT" }),
    expect: DRAFT,
  },
  { method: "PUT", route: "exercises/[id]", path: draft, body: () => ({ points: 50 }), expect: DRAFT },
  // A predict-the-output exercise has no program to run (400) — said only to those who may take part.
  {
    method: "POST",
    route: "exercises/[id]/run",
    path: (w) => `${pub(w)}/run`,
    body: () => ({ code: RIGHT }),
    expect: cells(401, 400, 404, 400, 404, 403),
  },
  {
    method: "POST",
    route: "exercises/[id]/run",
    label: "draft",
    path: (w) => `${draft(w)}/run`,
    body: () => ({ code: "print('hi')\n" }),
    expect: cells(401, 404, 404, 200, 404, 403),
  },
  { method: "GET", route: "exercises/[id]/submissions", path: (w) => `${pub(w)}/submissions`, expect: MEMBERS },
  {
    method: "GET",
    route: "exercises/[id]/submissions",
    label: "draft",
    path: (w) => `${draft(w)}/submissions`,
    expect: DRAFT,
  },
  {
    method: "POST",
    route: "exercises/[id]/submissions",
    path: (w) => `${pub(w)}/submissions`,
    body: () => ({ code: RIGHT }),
    expect: succeeds(SUBMITTERS, 202),
  },
  {
    method: "POST",
    route: "exercises/[id]/submissions",
    label: "draft",
    path: (w) => `${draft(w)}/submissions`,
    body: () => ({ code: "print('hi')\n" }),
    expect: cells(401, 404, 404, 202, 404, 403),
  },
  {
    method: "POST",
    route: "exercises/[id]/try",
    path: (w) => `${pub(w)}/try`,
    body: () => ({ code: RIGHT }),
    expect: STAFF,
  },
  {
    method: "POST",
    route: "exercises/[id]/try",
    label: "draft",
    path: (w) => `${draft(w)}/try`,
    body: () => ({ code: "print('hi')\n" }),
    expect: DRAFT,
  },
  { method: "GET", route: "health", path: () => "/api/health", expect: everyone(200) },
  {
    method: "POST",
    route: "rounds/[id]/end",
    path: (_w, id) => `/api/rounds/${id}/end`,
    fresh: freshRound,
    expect: STAFF,
  },
  { method: "GET", route: "rounds/[id]", path: (w) => `/api/rounds/${w.round}`, expect: MEMBERS },
  {
    method: "POST",
    route: "submissions/[id]/review",
    path: (w) => `/api/submissions/${w.submission}/review`,
    body: () => ({ decision: "accept" }),
    // The submission is not held for review (409): only the class's instructor gets that far.
    expect: cells(401, 403, 404, 409, 404, 409),
  },
  { method: "GET", route: "submissions/[id]", path: (w) => `/api/submissions/${w.submission}`, expect: MEMBERS },
];

export interface ActionRow {
  file: string;
  exportedName: string;
  /** The page the browser posts the action to. */
  page: (world: World) => string;
  args: (world: World, fresh: string) => unknown[];
  fresh?: Fresh;
  expect: Expect;
}

export const ACTIONS: ActionRow[] = [
  {
    file: "app/_actions/set-locale.ts",
    exportedName: "setLocale",
    page: () => "/",
    args: () => ["en"],
    expect: everyone(200),
  },
  {
    file: "app/classes/[id]/actions.ts",
    exportedName: "rotateJoinCodeAction",
    page: (w) => `/classes/${w.classA.id}`,
    args: (w) => [{ classId: w.classA.id }],
    expect: STAFF_ROUTE,
  },
  {
    file: "app/classes/[id]/actions.ts",
    exportedName: "removeStudentAction",
    page: (w) => `/classes/${w.classA.id}`,
    args: (w, id) => [{ classId: w.classA.id, studentId: id }],
    fresh: freshStudent,
    expect: STAFF_ROUTE,
  },
];

export interface SocketRow {
  event: string;
  label?: string;
  payload: (world: World) => unknown;
  expect: Expect;
  /** The ack's `staff` flag per role that joins (the room with every verdict of the class). */
  staff?: Partial<Record<keyof Expect, boolean>>;
}

export const SOCKET_EVENTS: SocketRow[] = [
  {
    event: "class:join-room",
    payload: (w) => ({ classId: w.classA.id }),
    expect: MEMBERS,
    staff: { student: false, owner: true, admin: true },
  },
  {
    event: "class:join-room",
    label: "missing class",
    payload: () => ({ classId: "c000000000000000000000000" }),
    expect: cells(401, 404, 404, 404, 404, 404),
  },
  {
    event: "class:join-room",
    label: "bad payload",
    payload: () => ({ classId: 42 }),
    expect: cells(401, 400, 400, 400, 400, 400),
  },
  { event: "class:leave-room", payload: (w) => ({ classId: w.classA.id }), expect: ANY_USER },
];
