import path from "node:path";
import { requireClassAccess } from "@/lib/auth/require-class-access";
import { parseInput } from "@/lib/config/parse-input";
import { findExerciseWithCurrentVersion, type ExerciseWithVersion } from "@/lib/db/exercises";
import { AppError } from "@/lib/errors/app-error";
import { limitsOverrideSchema, type ExerciseManifest, type ExercisePackage } from "./exercise-package.types";
import { LIBRARY_DIR } from "./list-library";
import { loadExercisePackage } from "./load-exercise-package";
import { exerciseRefInput, type ExerciseRefInput } from "./publish-exercise.types";

/**
 * The current version of a class exercise as an ExercisePackage, ready for
 * exportExercisePackage (a folder in git). Everything the version row stores comes from the row.
 *
 * The row has no columns (yet) for `teaches`, `tags`, `tutorial`, `forbiddenNotes`, the wrong
 * solutions or a prediction's answer.json, and the package format requires them. Until a migration
 * adds them, they come from the built-in library package with the same slug; an exercise without
 * one cannot be exported (UNPROCESSABLE) rather than exported with invented metadata.
 */
export async function exportClassExercise(input: ExerciseRefInput, options: { root?: string } = {}): Promise<ExercisePackage> {
  const { userId, exerciseId } = parseInput(exerciseRefInput, input);
  const exercise = await findExerciseWithCurrentVersion(exerciseId);
  if (!exercise) throw new AppError("NOT_FOUND", "Exercise not found");
  await requireClassAccess({ userId, classId: exercise.classId, action: "exercise.manage" });
  const library = await loadLibraryPackage(options.root ?? LIBRARY_DIR, exercise.slug);
  const kind = exercise.kind === "WRITE_CODE" ? "write-code" : "predict-output";
  if (!library || library.kind !== kind) {
    throw new AppError("UNPROCESSABLE", `“${exercise.slug}” is not a built-in library exercise; exporting it needs data the database does not store yet (teaches, tags, tutorial, wrong solutions, answers).`);
  }
  const manifest = manifestOf(exercise, library.manifest);
  const { version } = exercise;
  const common = { manifest, prompts: { en: version.promptEn, zh: version.promptZh }, expectedTrace: version.expectedSpec };
  if (library.kind === "write-code") {
    return { ...common, kind: "write-code", starter: version.starterCode, solution: version.referenceSolution, wrongSolutions: library.wrongSolutions };
  }
  // answer.json is what the program prints: borrowing it is only right for the same program and spec.
  if (library.program !== version.referenceSolution || library.expectedTrace !== version.expectedSpec) {
    throw new AppError("UNPROCESSABLE", `“${exercise.slug}” changed since it was imported; its answer cannot be exported until the database stores answers.`);
  }
  return { ...common, kind: "predict-output", program: version.referenceSolution, answer: library.answer };
}

function manifestOf(exercise: ExerciseWithVersion, base: ExerciseManifest): ExerciseManifest {
  const { version } = exercise;
  const limits = limitsOverrideSchema.safeParse(version.limits ?? {});
  return {
    ...base,
    slug: exercise.slug,
    title: { en: version.titleEn, zh: version.titleZh },
    points: version.points,
    schedules: version.schedules,
    limits: limits.success ? limits.data : {},
  };
}

async function loadLibraryPackage(root: string, slug: string): Promise<ExercisePackage | null> {
  try {
    return await loadExercisePackage({ dir: path.join(root, slug) });
  } catch (error) {
    // No such library folder (or a broken one): treated alike, as "no metadata to borrow".
    if (error instanceof AppError && error.code === "UNPROCESSABLE") return null;
    throw error;
  }
}
