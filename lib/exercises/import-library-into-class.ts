import { requireClassAccess } from "@/lib/auth/require-class-access";
import { parseInput } from "@/lib/config/parse-input";
import { AppError } from "@/lib/errors/app-error";
import { importExerciseIntoClass } from "./import-exercise-into-class";
import {
  importLibraryInput,
  type ImportLibraryInput,
  type ImportLibraryResult,
} from "./import-library-into-class.types";
import { LIBRARY_DIR, listLibrary } from "./list-library";

/**
 * Imports the built-in library (or some of it) into a class, in the library's teaching order.
 * Idempotent: a second run changes nothing unless the library's content changed, in which case the
 * changed exercises get a new version. `root` is for scripts and tests, never for HTTP input.
 */
export async function importLibraryIntoClass(
  input: ImportLibraryInput,
  options: { root?: string } = {},
): Promise<ImportLibraryResult> {
  const { userId, classId, slugs, publish } = parseInput(importLibraryInput, input);
  // Before reading any file: a stranger learns nothing, not even how long the library takes to load.
  await requireClassAccess({ userId, classId, action: "exercise.manage" });
  const library = await listLibrary({ root: options.root ?? LIBRARY_DIR });
  const wanted = slugs ? new Set(slugs) : null;
  if (wanted) {
    const unknown = [...wanted].filter((slug) => !library.some((pkg) => pkg.manifest.slug === slug));
    if (unknown.length > 0)
      throw new AppError("BAD_REQUEST", `Not in the library: ${unknown.join(", ")}.`, {
        key: "import.notInLibrary",
        params: { slugs: unknown.join(", ") },
        details: { slugs: unknown.map((slug) => `unknown slug ${slug}`) },
      });
  }
  const result: ImportLibraryResult = { exercises: [], created: 0, versioned: 0, unchanged: 0 };
  for (const pkg of library) {
    if (wanted && !wanted.has(pkg.manifest.slug)) continue;
    const imported = await importExerciseIntoClass({
      userId,
      classId,
      package: pkg,
      status: publish ? "PUBLISHED" : undefined,
    });
    result.exercises.push(imported);
    result[imported.outcome] += 1;
  }
  return result;
}
