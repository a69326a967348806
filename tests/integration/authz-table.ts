/**
 * THE authorization table: every route handler and method, every server action and every
 * client→server socket event, each with the expected answer for all six roles (presets and row
 * types in ./authz-presets.ts; the route rows in ./authz-routes-*.ts).
 */
import type { Expect } from "@/tests/helpers/authz-callers";
import type { World } from "@/tests/helpers/authz-world";
import {
  ANY_USER,
  STAFF_ROUTE,
  MEMBERS,
  cells,
  everyone,
  freshStudent,
  type Fresh,
  type RouteRow,
} from "./authz-presets";
import { CLASS_ROUTES } from "./authz-routes-classes";
import { EXERCISE_ROUTES } from "./authz-routes-exercises";

export const ROUTES: RouteRow[] = [...CLASS_ROUTES, ...EXERCISE_ROUTES];

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
