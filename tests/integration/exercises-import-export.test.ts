/**
 * Class exercises at use-case level, on SQLite and PostgreSQL: the built-in library imported into a
 * class, exported back to the folder format unchanged, re-imported with a change as version 2
 * while old submissions stay on version 1.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createClass } from "@/lib/classes/create-class";
import { findExerciseBySlug, findExerciseVersion } from "@/lib/db/exercises";
import { upsertActiveEnrollment } from "@/lib/db/enrollments";
import { findSubmission, insertQueuedSubmission } from "@/lib/db/submissions";
import { exportClassExercise } from "@/lib/exercises/export-class-exercise";
import { exportExercisePackage } from "@/lib/exercises/export-exercise-package";
import { getExerciseForStudent } from "@/lib/exercises/get-exercise-for-student";
import { importExerciseIntoClass } from "@/lib/exercises/import-exercise-into-class";
import { importLibraryIntoClass } from "@/lib/exercises/import-library-into-class";
import { listLibrary } from "@/lib/exercises/list-library";
import { loadExercisePackage } from "@/lib/exercises/load-exercise-package";
import { evaluateSubmission } from "@/lib/grading/evaluate-submission";
import { runResultSchema, type RunRequest } from "@/lib/run-contract/run-result.types";
import type { ExercisePackage } from "@/lib/exercises/exercise-package.types";
import { createTestUser, describeEachProvider, useTestDatabase } from "@/tests/helpers/db";
import { appErrorOf } from "@/tests/helpers/app-error";

let library: ExercisePackage[];
let tmp: string;

beforeAll(async () => {
  library = await listLibrary();
  tmp = await mkdtemp(path.join(os.tmpdir(), "interleave-exercises-"));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function classWithTeacher() {
  const teacher = await createTestUser({ role: "INSTRUCTOR" });
  const klass = await createClass({ userId: teacher.id, name: "Coroutines" });
  return { teacher, klass };
}

describeEachProvider("class exercises: import and export", (provider) => {
  useTestDatabase(provider);

  it("imports the whole library once, in teaching order; a second import changes nothing", async () => {
    const { teacher, klass } = await classWithTeacher();
    const first = await importLibraryIntoClass({ userId: teacher.id, classId: klass.id, publish: true });
    expect(library.length).toBeGreaterThanOrEqual(12);
    expect(first).toMatchObject({ created: library.length, versioned: 0, unchanged: 0 });
    expect(first.exercises.map((e) => e.slug)).toEqual(library.map((pkg) => pkg.manifest.slug));
    expect(first.exercises.every((e) => e.status === "PUBLISHED" && e.version === 1)).toBe(true);
    expect(first.exercises.filter((e) => e.kind === "PREDICT_OUTPUT").length).toBe(
      library.filter((p) => p.kind === "predict-output").length,
    );

    const again = await importLibraryIntoClass({ userId: teacher.id, classId: klass.id, publish: true });
    expect(again).toMatchObject({ created: 0, versioned: 0, unchanged: library.length });
    expect(again.exercises.map((e) => e.id)).toEqual(first.exercises.map((e) => e.id));
  });

  it("imports only the slugs asked for, as drafts unless published; unknown slugs are a 400", async () => {
    const { teacher, klass } = await classWithTeacher();
    const slugs = [library[4].manifest.slug, library[12].manifest.slug];
    const result = await importLibraryIntoClass({ userId: teacher.id, classId: klass.id, slugs });
    expect(result.exercises.map((e) => [e.slug, e.status, e.outcome])).toEqual(
      slugs.map((slug) => [slug, "DRAFT", "created"]),
    );
    const unknown = await appErrorOf(
      importLibraryIntoClass({ userId: teacher.id, classId: klass.id, slugs: ["99-no-such-exercise"] }),
    );
    expect(unknown.code).toBe("BAD_REQUEST");
    expect(unknown.message).toContain("99-no-such-exercise");
  });

  it("exports every imported exercise as the exact library package, and the folder loads back equal", async () => {
    const { teacher, klass } = await classWithTeacher();
    const imported = await importLibraryIntoClass({ userId: teacher.id, classId: klass.id });
    for (const [index, exercise] of imported.exercises.entries()) {
      const exported = await exportClassExercise({ userId: teacher.id, exerciseId: exercise.id });
      expect(exported).toEqual(library[index]);
    }
    const predict = imported.exercises.find((e) => e.kind === "PREDICT_OUTPUT");
    const write = imported.exercises.find((e) => e.kind === "WRITE_CODE");
    for (const exercise of [predict, write]) {
      if (!exercise) throw new Error("the library has both kinds");
      const pkg = await exportClassExercise({ userId: teacher.id, exerciseId: exercise.id });
      const dir = await exportExercisePackage({ pkg, root: path.join(tmp, `${provider}-export`) });
      expect(await loadExercisePackage({ dir })).toEqual(pkg);
    }
  });

  it("re-importing a changed exercise creates version 2; old submissions keep version 1", async () => {
    const { teacher, klass } = await classWithTeacher();
    const student = await createTestUser({ role: "STUDENT" });
    await upsertActiveEnrollment(klass.id, student.id);
    const source = library.find((pkg) => pkg.kind === "write-code");
    if (!source) throw new Error("no write-code exercise");
    const slug = source.manifest.slug;
    const root = path.join(tmp, `${provider}-changed`);
    await cp(path.join(process.cwd(), "content", "exercises", slug), path.join(root, slug), { recursive: true });

    const v1 = await importLibraryIntoClass({ userId: teacher.id, classId: klass.id, publish: true }, { root });
    const exerciseId = v1.exercises[0].id;
    const before = await getExerciseForStudent({ userId: student.id, exerciseId });
    expect((await findExerciseBySlug(klass.id, slug))?.id).toBe(exerciseId);
    const v1Row = await getVersionId(exerciseId);
    const old = await insertQueuedSubmission({
      exerciseId,
      exerciseVersionId: v1Row,
      userId: student.id,
      classId: klass.id,
      code: "print(1)",
    });

    const promptFile = path.join(root, slug, "prompt.en.md");
    await writeFile(promptFile, `${await readFile(promptFile, "utf8")}\nOne more hint.\n`);
    const v2 = await importLibraryIntoClass({ userId: teacher.id, classId: klass.id }, { root });
    expect(v2.exercises[0]).toMatchObject({ id: exerciseId, version: 2, outcome: "versioned", status: "PUBLISHED" });
    const after = await getExerciseForStudent({ userId: student.id, exerciseId });
    expect(before.version).toBe(1);
    expect(after.version).toBe(2);
    expect(after.prompt.en).toContain("One more hint.");

    const stored = await findSubmission(old.id);
    expect(stored?.exerciseVersionId).toBe(v1Row);
    expect((await findExerciseVersion(v1Row))?.version).toBe(1);
    expect((await findExerciseVersion(v1Row))?.promptEn).not.toContain("One more hint.");
    // The same content again is a no-op, not version 3.
    expect(
      (await importLibraryIntoClass({ userId: teacher.id, classId: klass.id }, { root })).exercises[0],
    ).toMatchObject({ version: 2, outcome: "unchanged" });
  });

  it("network.json travels: stored on import (adding one is version 2), exported back, passed to grading runs", async () => {
    const { teacher, klass } = await classWithTeacher();
    const source = library.find((pkg) => pkg.kind === "write-code");
    if (!source) throw new Error("no write-code exercise");
    const slug = source.manifest.slug;
    const root = path.join(tmp, `${provider}-network`);
    await cp(path.join(process.cwd(), "content", "exercises", slug), path.join(root, slug), { recursive: true });
    const v1 = await importLibraryIntoClass({ userId: teacher.id, classId: klass.id }, { root });
    const exerciseId = v1.exercises[0].id;
    expect((await findExerciseVersion(await getVersionId(exerciseId)))?.network).toBeNull();

    const network = { hosts: { "a.example": { latency: 1, routes: { "GET /": { body: "a" } } } } };
    await writeFile(path.join(root, slug, "network.json"), JSON.stringify(network));
    const v2 = await importLibraryIntoClass({ userId: teacher.id, classId: klass.id }, { root });
    expect(v2.exercises[0]).toMatchObject({ version: 2, outcome: "versioned" });
    const version = await findExerciseVersion(await getVersionId(exerciseId));
    expect(version?.network).toEqual(network);
    expect((await exportClassExercise({ userId: teacher.id, exerciseId })).network).toEqual(network);

    if (!version) throw new Error("no version");
    const requests: RunRequest[] = [];
    await evaluateSubmission({ kind: "WRITE_CODE", code: "print(1)", version }, async (request) => {
      requests.push(request);
      return runResultSchema.parse({ status: "ok", events: [], virtualTime: 0, error: null, limit: null, wallMs: 1 });
    });
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((request) => JSON.stringify(request.network) === JSON.stringify(network))).toBe(true);
  });

  it("refuses a package whose kind clashes with the existing slug, or whose spec is broken", async () => {
    const { teacher, klass } = await classWithTeacher();
    const write = library.find((pkg) => pkg.kind === "write-code");
    const predict = library.find((pkg) => pkg.kind === "predict-output");
    if (!write || !predict) throw new Error("the library has both kinds");
    await importExerciseIntoClass({ userId: teacher.id, classId: klass.id, package: write });
    const clash: ExercisePackage = { ...predict, manifest: { ...predict.manifest, slug: write.manifest.slug } };
    expect(
      (await appErrorOf(importExerciseIntoClass({ userId: teacher.id, classId: klass.id, package: clash }))).code,
    ).toBe("CONFLICT");
    const broken: ExercisePackage = {
      ...write,
      manifest: { ...write.manifest, slug: "broken-spec" },
      expectedTrace: "@@@ not a spec [",
    };
    expect(
      (await appErrorOf(importExerciseIntoClass({ userId: teacher.id, classId: klass.id, package: broken }))).code,
    ).toBe("UNPROCESSABLE");
  });
});

async function getVersionId(exerciseId: string): Promise<string> {
  const { findExerciseWithCurrentVersion } = await import("@/lib/db/exercises");
  const exercise = await findExerciseWithCurrentVersion(exerciseId);
  if (!exercise) throw new Error("exercise missing");
  return exercise.version.id;
}
