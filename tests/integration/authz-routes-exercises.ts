/** Authorization table rows: exercise, health, round and submission routes (drafts included). */
import {
  A,
  ANY_USER,
  DRAFT,
  MEMBERS,
  STAFF,
  SUBMITTERS,
  cells,
  draft,
  everyone,
  freshRound,
  pub,
  succeeds,
  type RouteRow,
} from "./authz-presets";
import { RIGHT } from "@/tests/helpers/live";

export const EXERCISE_ROUTES: RouteRow[] = [
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
  // Live socket tickets: any user may connect; a class room ticket only for who may see the class.
  { method: "GET", route: "realtime/ticket", path: () => "/api/realtime/ticket", expect: ANY_USER },
  {
    method: "GET",
    route: "realtime/ticket",
    label: "class room",
    path: (w) => `/api/realtime/ticket?classId=${w.classA.id}`,
    expect: MEMBERS,
  },
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
  // Wrong solutions saved from the exercise editor (issue 12): the exercise's managers only.
  {
    method: "GET",
    route: "exercises/[id]/wrong-solutions",
    path: (w) => `${pub(w)}/wrong-solutions`,
    expect: STAFF,
  },
  {
    method: "POST",
    route: "exercises/[id]/wrong-solutions",
    path: (w) => `${pub(w)}/wrong-solutions`,
    body: () => ({ name: "matrix-wrong", code: "print('not the answer')\n" }),
    // The world's published exercise is predict-the-output, which has no wrong solutions (400): an
    // answer only its managers reach. Saving one for real: tests/integration/wrong-solution-round-trip.
    expect: cells(401, 403, 404, 400, 404, 400),
  },
  {
    method: "DELETE",
    route: "exercises/[id]/wrong-solutions/[name]",
    path: (w) => `${pub(w)}/wrong-solutions/never-saved`,
    // Nothing by that name: only those who may manage the exercise learn it is missing.
    expect: cells(401, 403, 404, 404, 404, 404),
  },
];
