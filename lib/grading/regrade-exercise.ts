import { z } from "zod";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { requireClassAccess } from "@/lib/auth/require-class-access";
import { parseInput } from "@/lib/config/parse-input";
import { findExerciseWithCurrentVersion } from "@/lib/db/exercises";
import { requeueExerciseSubmissions } from "@/lib/db/submissions";
import { AppError } from "@/lib/errors/app-error";
import { getGradingServices, type GradingServices } from "./grading-services";

export const regradeInput = z.object({ userId: z.string().min(1), exerciseId: z.string().min(1) });

/**
 * The instructor regrades a whole exercise against its current version: every submission goes
 * back through the normal pipeline at low priority, so live students are not stuck behind it.
 */
export async function regradeExercise(
  input: z.input<typeof regradeInput>,
  services: GradingServices = getGradingServices(),
) {
  const { userId, exerciseId } = parseInput(regradeInput, input);
  const exercise = await findExerciseWithCurrentVersion(exerciseId);
  if (!exercise) throw new AppError("NOT_FOUND", "Exercise not found", { key: "exercise.notFound" });
  await requireClassAccess({
    userId,
    classId: exercise.classId,
    action: "exercise.manage",
    unpublished: exercise.status === "DRAFT",
  });
  const ids = await requeueExerciseSubmissions(exercise.id, exercise.version.id);
  for (const id of ids) await services.queue.enqueue(id, { priority: "low" });
  await recordAuditEntry({
    userId,
    action: "exercise.regrade",
    classId: exercise.classId,
    target: exercise.id,
    details: { version: exercise.version.version, requeued: ids.length },
  });
  return { exerciseId: exercise.id, version: exercise.version.version, requeued: ids.length };
}
