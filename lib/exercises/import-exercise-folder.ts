import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { requireClassAccess } from "@/lib/auth/require-class-access";
import { parseInput } from "@/lib/config/parse-input";
import { AppError } from "@/lib/errors/app-error";
import { SLUG_PATTERN, WRONG_FILE_PATTERN } from "./exercise-package.types";
import { importExerciseIntoClass } from "./import-exercise-into-class";
import { idSchema, type ImportedExercise } from "./import-exercise-into-class.types";
import { loadExercisePackage } from "./load-exercise-package";

/** The files an exercise folder may hold (docs/exercise-format); anything else is refused by name. */
const KNOWN_FILES = new Set([
  "exercise.json",
  "prompt.en.md",
  "prompt.zh.md",
  "expected.trace",
  "starter.py",
  "solution.py",
  "program.py",
  "answer.json",
]);
const MAX_FILE_CHARS = 128 * 1024;

export const importExerciseFolderInput = z.object({
  userId: idSchema,
  classId: idSchema,
  /** The folder's files by path inside it ("exercise.json", "wrong/NAME.py"), as text. */
  files: z
    .record(z.string(), z.string().max(MAX_FILE_CHARS, "is longer than 128 KB"))
    .refine((files) => Object.keys(files).length <= 40, "An exercise folder holds at most 40 files."),
});

/**
 * Imports an exercise folder the instructor picked in the browser (a folder, or a .zip the page
 * unpacked): the files are written to a private temporary folder and read by the SAME loader as
 * the library and `npm run exercises -- import --from DIR`, so every rule (manifest, spec, each
 * wrong/NAME.py declared) holds and problems come back per file. Nothing is stored on a problem.
 */
export async function importExerciseFolder(
  input: z.input<typeof importExerciseFolderInput>,
): Promise<ImportedExercise> {
  const { userId, classId, files } = parseInput(importExerciseFolderInput, input);
  await requireClassAccess({ userId, classId, action: "exercise.manage" });
  const unknown = Object.keys(files).filter((name) => !KNOWN_FILES.has(name) && !WRONG_FILE_PATTERN.test(name));
  if (unknown.length > 0)
    throw new AppError("BAD_REQUEST", `Not part of an exercise folder: ${unknown.slice(0, 5).join(", ")}.`, {
      key: "import.unknownFiles",
      params: { files: unknown.slice(0, 5).join(", ") },
      details: Object.fromEntries(unknown.map((name) => [name, ["unknown file"]])),
    });
  const slug = slugOf(files["exercise.json"]);
  const root = await mkdtemp(path.join(os.tmpdir(), "interleave-upload-"));
  try {
    // The loader insists the folder is named after the slug.
    const dir = path.join(root, slug);
    await mkdir(path.join(dir, "wrong"), { recursive: true });
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text, "utf8");
    const pkg = await loadExercisePackage({ dir });
    return await importExerciseIntoClass({ userId, classId, package: pkg });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

function slugOf(manifest: string | undefined): string {
  if (manifest === undefined)
    throw new AppError("BAD_REQUEST", "The folder has no exercise.json.", { key: "import.noManifest" });
  let slug: unknown;
  try {
    slug = (JSON.parse(manifest) as { slug?: unknown }).slug;
  } catch {
    throw new AppError("UNPROCESSABLE", "exercise.json is not valid JSON.", {
      key: "import.manifestNotJson",
      details: { "exercise.json": ["not valid JSON"] },
    });
  }
  if (typeof slug !== "string" || !SLUG_PATTERN.test(slug))
    throw new AppError("UNPROCESSABLE", "exercise.json needs a slug of lowercase letters, digits and dashes.", {
      key: "import.slugPattern",
      details: { "exercise.json:slug": ["lowercase letters, digits and dashes"] },
    });
  return slug;
}
