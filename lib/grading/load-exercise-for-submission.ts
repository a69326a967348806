import { authorize } from "@/lib/auth/policy";
import type { ExerciseWithVersion } from "@/lib/db/exercises";
import { findSubmissionTarget, findSubmitter } from "@/lib/db/submission-gate";
import { AppError } from "@/lib/errors/app-error";
import { MAX_CODE_BYTES } from "./submit-solution.types";

export interface ExerciseForSubmission extends ExerciseWithVersion {
  /** The student's last attempt number on this exercise (0 before the first). */
  lastAttemptNumber: number;
}

/**
 * The gate shared by Run and Submit: the exercise exists, the user may submit in its class, it is
 * published (drafts are invisible to students; the class's instructor may try them) and not closed,
 * and the code fits the size limit. Two reads at most (lib/db/submission-gate.ts: the exercise and
 * class are cached for a burst; the user, enrollment and last attempt come in one read), then the
 * one policy module decides, as requireClassAccess would.
 */
export async function loadExerciseForSubmission(options: {
  userId: string;
  exerciseId: string;
  code: string;
}): Promise<ExerciseForSubmission> {
  const target = await findSubmissionTarget(options.exerciseId);
  if (!target) throw new AppError("NOT_FOUND", "Exercise not found", { key: "exercise.notFound" });
  const { klass, ...exercise } = target;
  const submitter = await findSubmitter({ userId: options.userId, classId: klass.id, exerciseId: exercise.id });
  if (!submitter)
    throw new AppError("UNAUTHENTICATED", "Sign in again: this account no longer exists.", { key: "auth.accountGone" });
  authorize(submitter.user, "exercise.submit", {
    ownerId: klass.ownerId,
    enrollmentStatus: submitter.enrollmentStatus,
    archivedAt: klass.archivedAt,
  });
  const isOwner = klass.ownerId === submitter.user.id;
  if (exercise.status === "DRAFT" && !isOwner)
    throw new AppError("NOT_FOUND", "Exercise not found", { key: "exercise.notFound" });
  if (exercise.status === "CLOSED")
    throw new AppError("FORBIDDEN", "This exercise is closed: it no longer takes submissions.", {
      key: "exercise.closed",
    });
  const bytes = Buffer.byteLength(options.code, "utf8");
  if (bytes > MAX_CODE_BYTES) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `The code is ${Math.ceil(bytes / 1024)} KB; the limit is ${MAX_CODE_BYTES / 1024} KB.`,
      { key: "submit.codeTooLarge", params: { sizeKb: Math.ceil(bytes / 1024), limitKb: MAX_CODE_BYTES / 1024 } },
    );
  }
  return { ...exercise, lastAttemptNumber: submitter.lastAttemptNumber };
}
