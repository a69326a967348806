import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { exportExercisePackage } from "./export-exercise-package";
import { LIBRARY_DIR, listLibrary } from "./list-library";
import { loadExercisePackage } from "./load-exercise-package";

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), "exercise-package-"));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** A copy of a built-in exercise to break on purpose. */
async function copyOf(slug: string): Promise<string> {
  const dir = path.join(tmp, slug);
  await cp(path.join(LIBRARY_DIR, slug), dir, { recursive: true });
  return dir;
}

async function loadError(dir: string): Promise<AppError> {
  const error = await loadExercisePackage({ dir }).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("the built-in library", () => {
  it("lists at least 14 valid exercises of both kinds, in slug order", async () => {
    const library = await listLibrary();
    expect(library.length).toBeGreaterThanOrEqual(14);
    const slugs = library.map((pkg) => pkg.manifest.slug);
    expect(slugs).toEqual([...slugs].sort());
    expect(library.filter((pkg) => pkg.kind === "predict-output").length).toBeGreaterThanOrEqual(3);
    expect(
      library.filter((pkg) => pkg.kind === "write-code" && (pkg.manifest.schedules ?? 0) >= 5).length,
    ).toBeGreaterThanOrEqual(2);
  });
});

describe("exportExercisePackage", () => {
  it.each(["05-create-task-concurrency", "14-predict-create-task-vs-await"])(
    "round-trips %s through load → export → load",
    async (slug) => {
      const original = await loadExercisePackage({ dir: path.join(LIBRARY_DIR, slug) });
      const dir = await exportExercisePackage({ pkg: original, root: tmp });
      expect(dir).toBe(path.join(tmp, slug));
      expect(await loadExercisePackage({ dir })).toEqual(original);
    },
  );

  it("refuses a non-empty folder unless overwrite, and then drops stale wrong solutions", async () => {
    const dir = await copyOf("05-create-task-concurrency");
    await writeFile(path.join(dir, "wrong", "stale.py"), "print(1)\n");
    const original = await loadExercisePackage({ dir: path.join(LIBRARY_DIR, "05-create-task-concurrency") });
    await expect(exportExercisePackage({ pkg: original, root: tmp })).rejects.toMatchObject({ code: "CONFLICT" });
    await exportExercisePackage({ pkg: original, root: tmp, overwrite: true });
    expect(await loadExercisePackage({ dir })).toEqual(original);
  });

  it("writes the manifest's wrong solutions from the package list", async () => {
    const original = await loadExercisePackage({ dir: path.join(LIBRARY_DIR, "01-greenlet-ping-pong") });
    if (original.kind !== "write-code") throw new Error("01 is write-code");
    const pkg = { ...original, wrongSolutions: original.wrongSolutions.slice(0, 1) };
    const dir = await exportExercisePackage({ pkg, root: tmp });
    const manifest = JSON.parse(await readFile(path.join(dir, "exercise.json"), "utf8")) as {
      wrongSolutions: { file: string }[];
    };
    expect(manifest.wrongSolutions.map((entry) => entry.file)).toEqual([original.wrongSolutions[0].file]);
  });
});

describe("loadExercisePackage errors name the file and the field", () => {
  it("reports a bad manifest field", async () => {
    const dir = await copyOf("05-create-task-concurrency");
    const manifest = JSON.parse(await readFile(path.join(dir, "exercise.json"), "utf8")) as Record<string, unknown>;
    await writeFile(path.join(dir, "exercise.json"), JSON.stringify({ ...manifest, schedules: 0 }));
    const error = await loadError(dir);
    expect(error.code).toBe("UNPROCESSABLE");
    expect(Object.keys(error.details ?? {})).toEqual(["exercise.json:schedules"]);
    expect(error.message).toContain("exercise.json:schedules:");
  });

  it("reports invalid JSON, a missing prompt and an empty one together", async () => {
    const dir = await copyOf("05-create-task-concurrency");
    await writeFile(path.join(dir, "exercise.json"), "{ not json");
    await rm(path.join(dir, "prompt.zh.md"));
    await writeFile(path.join(dir, "prompt.en.md"), "  \n");
    const error = await loadError(dir);
    expect(Object.keys(error.details ?? {}).sort()).toEqual(["exercise.json", "prompt.en.md", "prompt.zh.md"]);
    expect(error.details?.["prompt.zh.md"]).toEqual(["is missing"]);
    expect(error.details?.["exercise.json"]?.[0]).toMatch(/^is not valid JSON/);
  });

  it("reports a spec parse error with its line", async () => {
    const dir = await copyOf("05-create-task-concurrency");
    await writeFile(path.join(dir, "expected.trace"), "status: ok\n@2 {\n  a\n");
    const error = await loadError(dir);
    const key = Object.keys(error.details ?? {})[0];
    expect(key).toMatch(/^expected\.trace:line \d+$/);
  });

  it("reports an undeclared wrong solution, a missing declared one and a slug mismatch", async () => {
    const dir = await copyOf("05-create-task-concurrency");
    await writeFile(path.join(dir, "wrong", "extra.py"), "print(1)\n");
    await rm(path.join(dir, "wrong", "sequential-awaits.py"));
    const renamed = path.join(tmp, "renamed");
    await cp(dir, renamed, { recursive: true });
    const error = await loadError(renamed);
    expect(error.details?.["exercise.json:wrongSolutions"]?.[0]).toContain("wrong/extra.py exists but is not listed");
    expect(error.details?.["wrong/sequential-awaits.py"]).toEqual(["is missing"]);
    expect(error.details?.["exercise.json:slug"]?.[0]).toContain("the folder is “renamed”");
  });

  it("reports a bad answer.json field of a predict-output exercise", async () => {
    const dir = await copyOf("15-predict-gather-order");
    await writeFile(path.join(dir, "answer.json"), JSON.stringify({ lines: [], wrongPredictions: [] }));
    const error = await loadError(dir);
    expect(Object.keys(error.details ?? {}).sort()).toEqual(["answer.json:lines", "answer.json:wrongPredictions"]);
  });
});
