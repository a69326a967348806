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
  if (!exercise) throw new AppError("NOT_FOUND", "Exercise not found");
  await requireClassAccess({ userId, classId: exercise.classId, action: "exercise.manage" });
  const counts = await countSubmissionsByStatus({ exerciseId });
  const pending = (counts.QUEUED ?? 0) + (counts.RUNNING ?? 0) + (counts.INFRA_ERROR ?? 0);
  const done = (counts.GRADED ?? 0) + (counts.NEEDS_REVIEW ?? 0);
  return { exerciseId, counts, pending, done, total: pending + done };
}
