import { requireClassAccess } from "@/lib/auth/require-class-access";
import { findExerciseWithCurrentVersion, type ExerciseWithVersion } from "@/lib/db/exercises";
import { AppError } from "@/lib/errors/app-error";
import { MAX_CODE_BYTES } from "./submit-solution.types";

/**
 * The gate shared by Run and Submit: the exercise exists, the user may submit in its class, it is
 * published (drafts are invisible to students; the class's instructor may try them) and not closed,
 * and the code fits the size limit.
 */
export async function loadExerciseForSubmission(options: {
  userId: string;
  exerciseId: string;
  code: string;
}): Promise<ExerciseWithVersion> {
  const exercise = await findExerciseWithCurrentVersion(options.exerciseId);
  if (!exercise) throw new AppError("NOT_FOUND", "Exercise not found");
  const access = await requireClassAccess({
    userId: options.userId,
    classId: exercise.classId,
    action: "exercise.submit",
  });
  const isOwner = access.klass.ownerId === access.actor.id;
  if (exercise.status === "DRAFT" && !isOwner) throw new AppError("NOT_FOUND", "Exercise not found");
  if (exercise.status === "CLOSED")
    throw new AppError("FORBIDDEN", "This exercise is closed: it no longer takes submissions.");
  const bytes = Buffer.byteLength(options.code, "utf8");
  if (bytes > MAX_CODE_BYTES) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `The code is ${Math.ceil(bytes / 1024)} KB; the limit is ${MAX_CODE_BYTES / 1024} KB.`,
    );
  }
  return exercise;
}
