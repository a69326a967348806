/**
 * The vocabulary of the authorization table (tests/integration/authz-table.ts): the six roles'
 * expected answers as presets, the row types and the per-call "fresh" targets. "No access" to
 * something you cannot see is 404; an action you may not take on something you can see is 403.
 */
import type { Expect } from "@/tests/helpers/authz-callers";
import { enrolledStudent, createAssignment, startRound, type World } from "@/tests/helpers/authz-world";
import type { HttpSession } from "@/tests/helpers/http-session";

export const cells = (anon: number, student: number, outsider: number, owner: number, other: number, admin: number) =>
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
export type Fresh = (world: World, owner: HttpSession) => Promise<string>;

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

export const A = (w: World) => `/api/classes/${w.classA.id}`;
export const pub = (w: World) => `/api/exercises/${w.published}`;
export const draft = (w: World) => `/api/exercises/${w.draft}`;
export const asg = (w: World) => `/api/assignments/${w.assignment}`;
export const freshAssignment: Fresh = (w, owner) => createAssignment(owner, w.classA.id, w.published);
export const freshRound: Fresh = (w, owner) => startRound(owner, w.classA.id, w.published);
export const freshStudent: Fresh = (w) => enrolledStudent(w);
/** Ends the running round so a "start a round" call can succeed. */
export const noRound: Fresh = async (w, owner) => {
  const rounds = await owner.json<{ current: { id: string } | null }>("GET", `${A(w)}/rounds`);
  if (rounds.body.current) await owner.json("POST", `/api/rounds/${rounds.body.current.id}/end`);
  return "";
};
/** `/api` itself and unknown /api paths: a JSON 404 for everyone (app/api/[[...path]]). */
export const catchAll = (method: RouteRow["method"], pathname: string): RouteRow => ({
  method,
  route: "[[...path]]",
  label: pathname,
  path: () => pathname,
  expect: everyone(404),
});
