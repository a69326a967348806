/**
 * A library exercise imported without a schedules count (stored 0: automatic) through the editor's
 * API on the real production server and sandbox: saved unchanged it stays automatic; record and try
 * work on it (they used to pass 0 on as a count); `limits.cpuStretchMs` is refused out of range with
 * its field named, saved, exported and uploaded back unchanged, and a try-run over it carries the
 * CPU-stretch note.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { ExerciseForEditor } from "@/lib/exercises/exercise-draft.types";
import type { ExercisePackage } from "@/lib/exercises/exercise-package.types";
import type { TriedSolution } from "@/lib/exercises/try-exercise-solution";
import type { RecordedSpec } from "@/lib/exercises/record-exercise-spec";
import { SPIN, classWithAutomaticExercise } from "@/tests/helpers/automatic-exercise";
import type { HttpSession } from "@/tests/helpers/http-session";
import { newUser } from "@/tests/helpers/live";
import { startTestServer, type TestServer } from "@/tests/helpers/server";

type ErrorBody = { error: { code: string; message: string; details?: Record<string, string[]> } };

let server: TestServer;
let teacher: HttpSession;
let classId: string;
let exerciseId: string;

beforeAll(async () => {
  server = await startTestServer();
  teacher = await newUser(server.url, "instructor", "Ada");
  ({ classId, exerciseId } = await classWithAutomaticExercise(teacher, "Automatic"));
}, 600_000);

afterAll(async () => {
  await server?.stop();
});

const editor = async () =>
  (await teacher.json<{ exercise: ExerciseForEditor }>("GET", `/api/exercises/${exerciseId}/editor`)).body.exercise;

it("saves the imported exercise unchanged: schedules stay 0 and the version stays 1", async () => {
  const loaded = await editor();
  expect(loaded.schedules).toBe(0);
  const { kind, title, prompt, starter, solution, points, schedules, limits, spec } = loaded;
  const saved = await teacher.json<{ exercise: ExerciseForEditor }>("PUT", `/api/exercises/${exerciseId}`, {
    kind,
    title,
    prompt,
    starter,
    solution,
    points,
    schedules,
    limits,
    spec,
  });
  expect(saved.status).toBe(200);
  expect(saved.body.exercise).toMatchObject({ schedules: 0, version: 1, limits: { maxVirtualSeconds: 60 } });
});

it("refuses cpuStretchMs out of range with the field named, then saves, exports and re-imports it", async () => {
  const bad = await teacher.json<ErrorBody>("PUT", `/api/exercises/${exerciseId}`, {
    limits: { maxVirtualSeconds: 60, cpuStretchMs: 5 },
  });
  expect(bad.status).toBe(400);
  expect(bad.body.error.details?.["limits.cpuStretchMs"]).toEqual(["cpuStretchMs must be 10 to 60000 ms."]);

  const saved = await teacher.json<{ exercise: ExerciseForEditor }>("PUT", `/api/exercises/${exerciseId}`, {
    limits: { maxVirtualSeconds: 60, cpuStretchMs: 250 },
  });
  expect(saved.status).toBe(200);
  expect((await editor()).limits).toEqual({ maxVirtualSeconds: 60, cpuStretchMs: 250 });

  const exported = await teacher.json<{ package: ExercisePackage }>("GET", `/api/exercises/${exerciseId}/export`);
  expect(exported.status).toBe(200);
  expect(exported.body.package.manifest.limits).toEqual({ maxVirtualSeconds: 60, cpuStretchMs: 250 });
  expect(exported.body.package.manifest.schedules).toBeUndefined();
  const uploaded = await teacher.json<{ id: string; outcome: string }>(
    "POST",
    `/api/classes/${classId}/exercises/upload`,
    { package: exported.body.package },
  );
  expect(uploaded.body).toMatchObject({ id: exerciseId, outcome: "unchanged", version: 1 });
}, 120_000);

it("tries a program on the automatic exercise: explored as grading does, the CPU-stretch note in the trace", async () => {
  const tried = await teacher.json<TriedSolution>("POST", `/api/exercises/${exerciseId}/try`, { code: SPIN });
  expect(tried.status).toBe(200);
  expect(tried.body.passed).toBe(false);
  expect(tried.body.trace.notes).toEqual([
    expect.stringMatching(/^a CPU stretch of 0\.\d\d s at line 6 held the event loop/),
  ]);

  const solution = (await editor()).solution;
  const passing = await teacher.json<TriedSolution>("POST", `/api/exercises/${exerciseId}/try`, { code: solution });
  expect(passing.body).toMatchObject({ passed: true, score: 100 });
  expect(passing.body.trace.notes).toEqual([]);
}, 120_000);

it("records the automatic exercise from seed 0 and keeps it automatic", async () => {
  const recorded = await teacher.json<RecordedSpec>("POST", `/api/exercises/${exerciseId}/record`, {});
  expect(recorded.status).toBe(200);
  // One run (seed 0): lines of the same instant become an any-order group, as a K=1 recording does.
  expect(recorded.body.spec).toContain("@1 [Task-1] 收到 奶茶");
  expect(recorded.body.spec).toMatch(/@2 \{\n {2}\[Task-2\] 骑手: 披萨 送达\n {2}\[Task-1\] 收到 披萨\n\}/);
  expect(recorded.body.exercise.schedules).toBe(0);
}, 120_000);
