import { can } from "@/lib/auth/policy";
import { requireClassAccess } from "@/lib/auth/require-class-access";
import { parseInput } from "@/lib/config/parse-input";
import { findExerciseWithCurrentVersion, findLatestSubmissionId } from "@/lib/db/exercises";
import { AppError } from "@/lib/errors/app-error";
import type { StudentExerciseView } from "./get-exercise-for-student.types";
import { exerciseRefInput, type ExerciseRefInput } from "./publish-exercise.types";
import { packageExtrasSchema } from "./package-extras.types";
import { shuffleLineBank } from "./shuffle-line-bank";

/**
 * The exercise page's data. A draft is invisible to students (NOT_FOUND, like a missing one); its
 * instructor sees it to try it before publishing.
 */
export async function getExerciseForStudent(input: ExerciseRefInput): Promise<StudentExerciseView> {
  const { userId, exerciseId } = parseInput(exerciseRefInput, input);
  const exercise = await findExerciseWithCurrentVersion(exerciseId);
  if (!exercise) throw new AppError("NOT_FOUND", "Exercise not found", { key: "exercise.notFound" });
  const { actor, context } = await requireClassAccess({ userId, classId: exercise.classId, action: "exercise.view" });
  const canManage = can(actor, "exercise.manage", context).allowed;
  if (exercise.status === "DRAFT" && !canManage)
    throw new AppError("NOT_FOUND", "Exercise not found", { key: "exercise.notFound" });
  const { version } = exercise;
  const isPrediction = exercise.kind === "PREDICT_OUTPUT";
  return {
    id: exercise.id,
    classId: exercise.classId,
    slug: exercise.slug,
    kind: exercise.kind,
    status: exercise.status,
    version: version.version,
    points: version.points,
    schedules: version.schedules,
    title: { en: version.titleEn, zh: version.titleZh },
    prompt: { en: version.promptEn, zh: version.promptZh },
    starterCode: isPrediction ? null : version.starterCode,
    program: isPrediction ? version.referenceSolution : null,
    lineBank: isPrediction ? studentLineBank(version.packageExtras, exercise.id) : null,
    canManage,
    canSubmit: exercise.status !== "CLOSED" && can(actor, "exercise.submit", context).allowed,
    latestSubmissionId: await findLatestSubmissionId(exercise.id, userId),
  };
}

/** The stored answer's line bank, shuffled; null when the exercise has none (or its extras are bad). */
function studentLineBank(packageExtras: unknown, exerciseId: string): string[] | null {
  const extras = packageExtrasSchema.safeParse(packageExtras);
  const bank = extras.success ? extras.data.answer?.lineBank : undefined;
  return bank ? shuffleLineBank(bank, exerciseId) : null;
}
