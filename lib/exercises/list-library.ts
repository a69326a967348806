import { readdir } from "node:fs/promises";
import path from "node:path";
import type { ExercisePackage } from "./exercise-package.types";
import { loadExercisePackage } from "./load-exercise-package";

/**
 * The built-in library shipped with the app (one folder per exercise). Resolved from the working
 * directory (the repo root for the server, scripts and tests) because bundled servers move
 * `__dirname`.
 */
export const LIBRARY_DIR = path.join(process.cwd(), "content", "exercises");

/**
 * Every exercise of a library folder, validated, ordered by slug (the NN- prefix gives the
 * teaching order). One invalid folder fails the whole listing: a broken built-in exercise is a bug
 * to fix, not something to hide from the instructor's picker.
 */
export async function listLibrary({ root = LIBRARY_DIR }: { root?: string } = {}): Promise<ExercisePackage[]> {
  // The turbopackIgnore comments keep Next's file tracing from copying the whole project: the
  // library is read at run time from the working directory, never bundled.
  const entries = await readdir(/*turbopackIgnore: true*/ root, { withFileTypes: true });
  const folders = entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .map((entry) => entry.name)
    .sort();
  const packages: ExercisePackage[] = [];
  for (const folder of folders)
    packages.push(await loadExercisePackage({ dir: path.join(/*turbopackIgnore: true*/ root, folder) }));
  return packages;
}
