import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { requireClassAccess } from "@/lib/auth/require-class-access";
import { parseInput } from "@/lib/config/parse-input";
import { findExerciseWithCurrentVersion, updateExerciseStatus } from "@/lib/db/exercises";
import { AppError } from "@/lib/errors/app-error";
import type { ExerciseStatusValue } from "./import-exercise-into-class.types";
import { publishExerciseInput, type PublishExerciseInput } from "./publish-exercise.types";

/**
 * DRAFT (students cannot see it), PUBLISHED (students see it and submit), CLOSED (students still
 * see it and their results, but submissions are refused). Any transition is allowed: an instructor
 * may reopen a closed exercise or hide a published one again.
 */
export async function publishExercise(
  input: PublishExerciseInput,
): Promise<{ id: string; status: ExerciseStatusValue }> {
  const { userId, exerciseId, status } = parseInput(publishExerciseInput, input);
  const exercise = await findExerciseWithCurrentVersion(exerciseId);
  if (!exercise) throw new AppError("NOT_FOUND", "Exercise not found", { key: "exercise.notFound" });
  await requireClassAccess({
    userId,
    classId: exercise.classId,
    action: "exercise.manage",
    unpublished: exercise.status === "DRAFT",
  });
  // An exercise written in the browser has no expected trace until "Record": nothing could pass it.
  if (status === "PUBLISHED" && exercise.version.expectedSpec.trim() === "") {
    throw new AppError("CONFLICT", "Record the expected trace before publishing: without it no submission can pass.", {
      key: "exercise.recordBeforePublish",
    });
  }
  if (exercise.status !== status) {
    await updateExerciseStatus(exercise.id, status);
    await recordAuditEntry({
      userId,
      action: "exercise.status",
      classId: exercise.classId,
      target: exercise.id,
      details: { from: exercise.status, to: status },
    });
  }
  return { id: exercise.id, status };
}
