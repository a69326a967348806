import { requireClassAccess } from "@/lib/auth/require-class-access";
import { findExerciseWithCurrentVersion, type ExerciseWithVersion } from "@/lib/db/exercises";
import type { DbClient } from "@/lib/db/get-db";
import { AppError } from "@/lib/errors/app-error";

/** The exercise with its current version, for its class's instructor only (others: NOT_FOUND/FORBIDDEN). */
export async function loadManagedExercise(
  options: { userId: string; exerciseId: string },
  db?: DbClient,
): Promise<ExerciseWithVersion> {
  const exercise = await findExerciseWithCurrentVersion(options.exerciseId, db);
  if (!exercise) throw new AppError("NOT_FOUND", "Exercise not found", { key: "exercise.notFound" });
  await requireClassAccess(
    {
      userId: options.userId,
      classId: exercise.classId,
      action: "exercise.manage",
      unpublished: exercise.status === "DRAFT",
    },
    db,
  );
  return exercise;
}
