/**
 * A write-code exercise written in the browser (create → record → save a wrong solution) exports
 * to the library's folder format and comes back: through `npm run exercises -- import --from DIR`
 * and through the UI's upload of the exported JSON. Saving refuses a program that passes the spec
 * and bad names, and only the owner may list, save or delete. Real database and sandbox.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { afterAll, beforeAll, expect, it } from "vitest";
import { insertClass } from "@/lib/db/classes";
import { getDb } from "@/lib/db/get-db";
import { createExercise } from "@/lib/exercises/create-exercise";
import { deleteWrongSolution } from "@/lib/exercises/delete-wrong-solution";
import { exportClassExercise } from "@/lib/exercises/export-class-exercise";
import { exportExercisePackage } from "@/lib/exercises/export-exercise-package";
import { importExerciseFolder } from "@/lib/exercises/import-exercise-folder";
import { importUploadedExercise } from "@/lib/exercises/import-uploaded-exercise";
import { listWrongSolutions } from "@/lib/exercises/list-wrong-solutions";
import { loadExercisePackage } from "@/lib/exercises/load-exercise-package";
import { recordExerciseSpec } from "@/lib/exercises/record-exercise-spec";
import { saveWrongSolution } from "@/lib/exercises/save-wrong-solution";
import { checkProgram } from "@/lib/grading/check-program";
import type { GradingServices } from "@/lib/grading/grading-services";
import { createInProcessQueue } from "@/lib/grading/create-in-process-queue";
import { createMemoryRateLimiter } from "@/lib/rate-limit/create-memory-rate-limiter";
import { createSandboxRunner } from "@/lib/sandbox/create-sandbox-runner";
import { exerciseFolders } from "@/app/classes/[id]/exercises/_import/exercise-folders";
import { createTestUser, describeEachProvider, useTestDatabase } from "@/tests/helpers/db";
import { createGradingClass, sandboxUidBase } from "@/tests/helpers/grading";
import { TWO_WORKERS as SOLUTION, TWO_WORKERS_SEQUENTIAL as SEQUENTIAL } from "@/tests/helpers/two-workers";

const run = promisify(execFile);
const REPO_ROOT = path.resolve(__dirname, "..", "..");

let services: GradingServices;
const folders: string[] = [];
beforeAll(() => {
  const limiter = () => createMemoryRateLimiter({ limit: 1_000, windowMs: 60_000 });
  services = {
    queue: createInProcessQueue({}),
    runner: createSandboxRunner({ poolSize: 1, uidBase: sandboxUidBase(7) }),
    submitLimiter: limiter(),
    runLimiter: limiter(),
  };
});
afterAll(async () => {
  await services.runner.close();
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

describeEachProvider("wrong solutions saved from the editor", (provider) => {
  const database = useTestDatabase(provider);

  it("are kept only when they fail, export as wrong/NAME.py and import back", async () => {
    const klass = await createGradingClass(1);
    const userId = klass.instructorId;
    const draft = await createExercise({
      userId,
      classId: klass.classId,
      kind: "WRITE_CODE",
      title: { en: "Two workers", zh: "两个工人" },
      prompt: { en: "Run both workers **at once**.", zh: "让两个工人**同时**运行。" },
      starter: "import asyncio\n",
      solution: SOLUTION,
      points: 10,
      schedules: 1,
    });
    const exerciseId = draft.id;
    // Before anything is recorded there is no spec to fail.
    await expect(
      saveWrongSolution({ userId, exerciseId, name: "early", code: SEQUENTIAL }, services),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "Record or write the expected trace first." });
    await recordExerciseSpec({ userId, exerciseId }, services);

    // The reference solution passes, so it cannot be a wrong solution; nothing is stored.
    await expect(
      saveWrongSolution({ userId, exerciseId, name: "right", code: SOLUTION }, services),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("passes the expected trace"),
    });
    await expect(
      saveWrongSolution({ userId, exerciseId, name: "../escape", code: SEQUENTIAL }, services),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("wrong/NAME.py") });
    expect(await listWrongSolutions({ userId, exerciseId })).toEqual([]);

    // Only the owner: another instructor does not see the exercise, a student may not manage it.
    const stranger = await createTestUser({ role: "INSTRUCTOR" });
    const student = klass.studentIds[0];
    for (const who of [stranger.id, student]) {
      await expect(listWrongSolutions({ userId: who, exerciseId })).rejects.toMatchObject({
        code: expect.stringMatching(/^(NOT_FOUND|FORBIDDEN)$/),
      });
      await expect(
        saveWrongSolution({ userId: who, exerciseId, name: "x", code: SEQUENTIAL }, services),
      ).rejects.toMatchObject({ code: expect.stringMatching(/^(NOT_FOUND|FORBIDDEN)$/) });
    }
    await expect(listWrongSolutions({ userId: stranger.id, exerciseId })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const saved = await saveWrongSolution(
      {
        userId,
        exerciseId,
        name: "sequential.py",
        code: SEQUENTIAL,
        explanation: { en: "Awaits one after the other." },
      },
      services,
    );
    expect(saved).toEqual([
      expect.objectContaining({
        name: "sequential",
        file: "wrong/sequential.py",
        explanation: { en: "Awaits one after the other.", zh: "Awaits one after the other." },
        code: SEQUENTIAL,
      }),
    ]);
    const divergence = saved[0].divergence;

    // Export: the folder has wrong/sequential.py, and re-checking it gives the recorded divergence.
    const pkg = await exportClassExercise({ userId, exerciseId });
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "interleave-wrong-"));
    folders.push(out);
    const dir = await exportExercisePackage({ pkg, root: out });
    expect(fs.readFileSync(path.join(dir, "wrong", "sequential.py"), "utf8")).toBe(SEQUENTIAL);
    const loaded = await loadExercisePackage({ dir });
    if (loaded.kind !== "write-code") throw new Error("exported as the wrong kind");
    expect(loaded.wrongSolutions).toEqual(pkg.kind === "write-code" ? pkg.wrongSolutions : []);
    const recheck = await checkProgram({
      code: loaded.wrongSolutions[0].code,
      spec: loaded.expectedTrace,
      schedules: 1,
      run: (request) => services.runner.run(request),
    });
    expect(recheck.passed).toBe(false);
    expect(recheck.firstDivergence?.reason).toBe(divergence);

    // Back through the command line into another class of the same instructor.
    const cliClass = await insertClass({ name: "CLI copy", joinCode: `W${Date.now() % 1e7}`, ownerId: userId });
    const cli = await run("npx", ["tsx", "scripts/exercises.ts", "import", "--class", cliClass.id, "--from", out], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: database.current().url },
    });
    expect(cli.stdout).toMatch(/created\s+two-workers\s+v1 DRAFT/);
    const cliExercise = await getOnlyExercise(cliClass.id);
    expect(await listWrongSolutions({ userId, exerciseId: cliExercise })).toEqual(saved);

    // And through the UI's upload of the exported JSON into a third class.
    const uiClass = await insertClass({ name: "UI copy", joinCode: `U${Date.now() % 1e7}`, ownerId: userId });
    const uploaded = await importUploadedExercise({ userId, classId: uiClass.id, package: pkg });
    expect(uploaded).toMatchObject({ slug: "two-workers", outcome: "created" });
    expect(await listWrongSolutions({ userId, exerciseId: uploaded.id })).toEqual(saved);

    // And as a .zip of the folder picked on the class page: unpacked like the browser does, then
    // checked by the same loader on the server.
    const zipped = zipSync(zipTree(out));
    const picked = Object.entries(unzipSync(zipped)).map(([file, bytes]) => ({ path: file, text: strFromU8(bytes) }));
    const [folder] = exerciseFolders(picked);
    expect(Object.keys(folder).sort()).toContain("wrong/sequential.py");
    const zipClass = await insertClass({ name: "Zip copy", joinCode: `Z${Date.now() % 1e7}`, ownerId: userId });
    const fromZip = await importExerciseFolder({ userId, classId: zipClass.id, files: folder });
    expect(fromZip).toMatchObject({ slug: "two-workers", outcome: "created", status: "DRAFT" });
    expect(await listWrongSolutions({ userId, exerciseId: fromZip.id })).toEqual(saved);
    // A folder with a stray file, or an undeclared wrong solution, imports nothing and says which file.
    await expect(
      importExerciseFolder({ userId, classId: zipClass.id, files: { ...folder, "notes.txt": "hi" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", details: { "notes.txt": ["unknown file"] } });
    await expect(
      importExerciseFolder({ userId, classId: zipClass.id, files: { ...folder, "wrong/extra.py": "print(1)\n" } }),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    await expect(
      importExerciseFolder({ userId: stranger.id, classId: zipClass.id, files: folder }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getDb().exercise.count({ where: { classId: zipClass.id } })).toBe(1);

    // Deleting: gone from the list; a second delete is a clear 404; the export then says why it cannot.
    expect(await deleteWrongSolution({ userId, exerciseId, name: "sequential" })).toEqual([]);
    await expect(deleteWrongSolution({ userId, exerciseId, name: "sequential" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "No wrong solution named “sequential”.",
    });
    await expect(exportClassExercise({ userId, exerciseId })).rejects.toMatchObject({
      code: "UNPROCESSABLE",
      message: expect.stringContaining("wrong solution"),
    });
  }, 180_000);

  it("the CLI refuses a folder without exercises and imports nothing", async () => {
    const klass = await createGradingClass(0);
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "interleave-empty-"));
    folders.push(empty);
    const failed = await run(
      "npx",
      ["tsx", "scripts/exercises.ts", "import", "--class", klass.classId, "--from", empty],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, DATABASE_URL: database.current().url },
      },
    ).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining("holds no exercise folder") });
  }, 60_000);
});

async function getOnlyExercise(classId: string): Promise<string> {
  const rows = await getDb().exercise.findMany({ where: { classId }, select: { id: true } });
  expect(rows).toHaveLength(1);
  return rows[0].id;
}

/** A folder as fflate's nested tree (what a zip tool would pack), paths relative to `root`. */
function zipTree(root: string): Zippable {
  const tree: Zippable = {};
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    const full = path.join(root, entry.name);
    tree[entry.name] = entry.isDirectory() ? zipTree(full) : strToU8(fs.readFileSync(full, "utf8"));
  }
  return tree;
}
