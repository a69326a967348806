import type { z } from "zod";
import { requireClassAccess } from "@/lib/auth/require-class-access";
import { parseInput } from "@/lib/config/parse-input";
import { findExerciseWithCurrentVersion } from "@/lib/db/exercises";
import { countSubmissionsByStatus } from "@/lib/db/submissions";
import { AppError } from "@/lib/errors/app-error";
import { regradeInput } from "./regrade-exercise";

/** Progress of a regrade (or of any grading) for the instructor: counts per status. */
export async function getGradingProgress(input: z.input<typeof regradeInput>) {
  const { userId, exerciseId } = parseInput(regradeInput, input);
  const exercise = await findExerciseWithCurrentVersion(exerciseId);
  if (!exercise) throw new AppError("NOT_FOUND", "Exercise not found", { key: "exercise.notFound" });
  await requireClassAccess({
    userId,
    classId: exercise.classId,
    action: "exercise.manage",
    unpublished: exercise.status === "DRAFT",
  });
  const counts = await countSubmissionsByStatus({ exerciseId });
  const pending = (counts.queued ?? 0) + (counts.running ?? 0);
  // infra_error is final (retries exhausted) until the instructor regrades: done, but not graded.
  const done = (counts.passed ?? 0) + (counts.failed ?? 0) + (counts.needs_review ?? 0) + (counts.infra_error ?? 0);
  return { exerciseId, counts, pending, done, total: pending + done };
}
