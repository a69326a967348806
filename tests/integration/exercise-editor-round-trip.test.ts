/**
 * The exercise editor's round trip at use-case level, on SQLite and PostgreSQL: a library exercise
 * (no `schedules` in its manifest: stored as 0, automatic) saved unchanged through the editor's own
 * form mapping keeps schedules 0 and exports as the exact library package; `limits.cpuStretchMs` is
 * validated by the API's schema with a readable message, saved, reloaded, exported and imported
 * back unchanged.
 */
import { beforeAll, expect, it } from "vitest";
import { bodyOf, formOf } from "@/app/classes/[id]/exercises/_editor/editor-form";
import { createClass } from "@/lib/classes/create-class";
import type { ExercisePackage } from "@/lib/exercises/exercise-package.types";
import { createExercise } from "@/lib/exercises/create-exercise";
import { exportClassExercise } from "@/lib/exercises/export-class-exercise";
import { getExerciseForEditor } from "@/lib/exercises/get-exercise-for-editor";
import { importLibraryIntoClass } from "@/lib/exercises/import-library-into-class";
import { importUploadedExercise } from "@/lib/exercises/import-uploaded-exercise";
import { listLibrary } from "@/lib/exercises/list-library";
import { updateExercise } from "@/lib/exercises/update-exercise";
import { createTestUser, describeEachProvider, useTestDatabase } from "@/tests/helpers/db";
import { appErrorOf } from "@/tests/helpers/app-error";

let library: ExercisePackage[];

beforeAll(async () => {
  library = await listLibrary();
});

/** An imported library exercise whose manifest sets no schedules (automatic). */
async function importedAutomatic() {
  const teacher = await createTestUser({ role: "INSTRUCTOR" });
  const klass = await createClass({ userId: teacher.id, name: "Coroutines" });
  const source = library.find((pkg) => pkg.kind === "write-code" && pkg.manifest.schedules === undefined);
  if (!source) throw new Error("the library has no write-code exercise without schedules");
  const imported = await importLibraryIntoClass({
    userId: teacher.id,
    classId: klass.id,
    slugs: [source.manifest.slug],
  });
  return { teacher, klass, source, exerciseId: imported.exercises[0].id };
}

describeEachProvider("exercise editor round trip", (provider) => {
  useTestDatabase(provider);

  it("saves an imported library exercise unchanged: schedules stay 0 (automatic), the export is the library's", async () => {
    const { teacher, source, exerciseId } = await importedAutomatic();
    const loaded = await getExerciseForEditor({ userId: teacher.id, exerciseId });
    expect(loaded.schedules).toBe(0);
    const form = formOf(loaded);
    expect(form.schedulesAuto).toBe(true);

    const { body, limitsError } = bodyOf(form);
    expect(limitsError).toBe(false);
    const saved = await updateExercise({ ...body, spec: loaded.spec, userId: teacher.id, exerciseId });
    expect(saved).toMatchObject({ schedules: 0, version: 1, limits: source.manifest.limits });
    expect(await exportClassExercise({ userId: teacher.id, exerciseId })).toEqual(source);
  });

  it("refuses a schedules count outside 0..50 with one message naming automatic", async () => {
    const { teacher, exerciseId } = await importedAutomatic();
    for (const schedules of [-1, 51, 2.5]) {
      const error = await appErrorOf(updateExercise({ userId: teacher.id, exerciseId, schedules }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.details?.schedules).toEqual(["schedules must be 0 (automatic) or a whole number from 1 to 50."]);
    }
    expect((await updateExercise({ userId: teacher.id, exerciseId, schedules: 7 })).schedules).toBe(7);
    expect((await updateExercise({ userId: teacher.id, exerciseId, schedules: 0 })).schedules).toBe(0);
  });

  it("validates cpuStretchMs with the API's schema and a readable message", async () => {
    const { teacher, exerciseId } = await importedAutomatic();
    const cases: [unknown, string][] = [
      [5, "cpuStretchMs must be 10 to 60000 ms."],
      [60_001, "cpuStretchMs must be 10 to 60000 ms."],
      [12.5, "cpuStretchMs must be a whole number of milliseconds."],
      ["fast", "cpuStretchMs must be a number of milliseconds."],
    ];
    for (const [cpuStretchMs, message] of cases) {
      const form = { ...formOf(await getExerciseForEditor({ userId: teacher.id, exerciseId })) };
      const { body } = bodyOf({ ...form, cpuStretchText: String(cpuStretchMs) });
      const error = await appErrorOf(updateExercise({ ...body, userId: teacher.id, exerciseId }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.details?.["limits.cpuStretchMs"]).toEqual([message]);
    }
    expect((await getExerciseForEditor({ userId: teacher.id, exerciseId })).limits.cpuStretchMs).toBeUndefined();
  });

  it("saves cpuStretchMs, reloads it into its field, exports it and imports the export back unchanged", async () => {
    const { teacher, klass, source, exerciseId } = await importedAutomatic();
    const form = formOf(await getExerciseForEditor({ userId: teacher.id, exerciseId }));
    const { body } = bodyOf({ ...form, cpuStretchText: "250" });
    await updateExercise({ ...body, userId: teacher.id, exerciseId });

    const reloaded = await getExerciseForEditor({ userId: teacher.id, exerciseId });
    expect(reloaded.limits).toEqual({ ...source.manifest.limits, cpuStretchMs: 250 });
    expect(reloaded.schedules).toBe(0);
    expect(formOf(reloaded)).toMatchObject({ cpuStretchText: "250", schedulesAuto: true });
    expect(JSON.parse(formOf(reloaded).limitsText)).toEqual(source.manifest.limits);

    const exported = await exportClassExercise({ userId: teacher.id, exerciseId });
    expect(exported.manifest.limits).toEqual({ ...source.manifest.limits, cpuStretchMs: 250 });
    expect(exported.manifest.schedules).toBeUndefined();
    const back = await importUploadedExercise({ userId: teacher.id, classId: klass.id, package: exported });
    expect(back).toMatchObject({ id: exerciseId, outcome: "unchanged", version: 1 });

    // Emptying the field removes the override (the harness's default applies again).
    await updateExercise({
      ...bodyOf({ ...formOf(reloaded), cpuStretchText: "" }).body,
      userId: teacher.id,
      exerciseId,
    });
    expect((await getExerciseForEditor({ userId: teacher.id, exerciseId })).limits).toEqual(source.manifest.limits);
  });

  it("creates an exercise with automatic schedules and a CPU stretch", async () => {
    const teacher = await createTestUser({ role: "INSTRUCTOR" });
    const klass = await createClass({ userId: teacher.id, name: "New" });
    const created = await createExercise({
      userId: teacher.id,
      classId: klass.id,
      kind: "WRITE_CODE",
      title: { en: "Fresh" },
      prompt: { en: "Write it." },
      solution: "print(1)\n",
      schedules: 0,
      limits: { cpuStretchMs: 400 },
    });
    expect(created).toMatchObject({ schedules: 0, limits: { cpuStretchMs: 400 } });
    expect(formOf(created)).toMatchObject({ schedulesAuto: true, cpuStretchText: "400", limitsText: "{}" });
  });
});
