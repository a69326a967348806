import { z } from "zod";
import { can } from "@/lib/auth/policy";
import { requireClassAccess } from "@/lib/auth/require-class-access";
import { parseInput } from "@/lib/config/parse-input";
import { findExerciseWithCurrentVersion } from "@/lib/db/exercises";
import { findLiveRound } from "@/lib/db/live-rounds";
import { findSubmission, type SubmissionStatus } from "@/lib/db/submissions";
import { AppError } from "@/lib/errors/app-error";

const idSchema = z.string({ message: "Missing id." }).trim().min(1, "Missing id.").max(64, "Invalid id.");
export const getSubmissionInput = z.object({ userId: idSchema, submissionId: idSchema });

export interface SubmissionView {
  id: string;
  exerciseId: string;
  classId: string;
  userId: string;
  kind: "WRITE_CODE" | "PREDICT_OUTPUT";
  status: SubmissionStatus;
  attemptNumber: number;
  code: string;
  passed: boolean | null;
  score: number | null;
  /** The checker's verdict (ProgramVerdict or PredictionVerdict without the run). */
  verdict: unknown;
  firstDivergence: unknown;
  failingSeed: number | null;
  /** The RunResult shown as the trace table; null when it would give a prediction's answer away. */
  trace: unknown;
  queuedAt: string;
  gradedAt: string | null;
  /** A live round's answer while the round runs: only pass/fail and the score are shown. */
  withheldUntilRoundEnds: boolean;
}

/**
 * One submission, for its author or the class's instructor; anyone else gets NOT_FOUND. A student
 * sees the feedback, not the machinery: tamper reasons and infrastructure errors stay with the
 * instructor, and a prediction's trace (the program's real output, i.e. the answer) is withheld.
 */
export async function getSubmission(input: z.input<typeof getSubmissionInput>): Promise<SubmissionView> {
  const { userId, submissionId } = parseInput(getSubmissionInput, input);
  const submission = await findSubmission(submissionId);
  if (!submission) throw new AppError("NOT_FOUND", "Submission not found");
  const { actor, context } = await requireClassAccess({
    userId,
    classId: submission.classId,
    action: "submission.view",
    submissionUserId: submission.userId,
  });
  const exercise = await findExerciseWithCurrentVersion(submission.exerciseId);
  if (!exercise) throw new AppError("NOT_FOUND", "Submission not found");
  const manages = can(actor, "exercise.manage", context).allowed;
  const graded = submission.status === "GRADED";
  // A live round's answer shows pass/fail only until the round ends (neighbours must not see it).
  const withheld = !manages && (await isRoundStillOpen(submission.liveRoundId));
  const hideTrace = withheld || (!manages && exercise.kind === "PREDICT_OUTPUT");
  return {
    id: submission.id,
    exerciseId: submission.exerciseId,
    classId: submission.classId,
    userId: submission.userId,
    kind: exercise.kind,
    status: submission.status,
    attemptNumber: submission.attemptNumber,
    code: submission.code,
    passed: submission.passed,
    score: submission.score,
    verdict: manages ? submission.verdict : graded && !withheld ? withoutTamper(submission.verdict) : null,
    firstDivergence: withheld ? null : submission.firstDivergence,
    failingSeed: withheld ? null : submission.failingSeed,
    withheldUntilRoundEnds: withheld,
    trace: hideTrace ? null : submission.trace,
    queuedAt: submission.queuedAt.toISOString(),
    gradedAt: submission.gradedAt?.toISOString() ?? null,
  };
}

async function isRoundStillOpen(roundId: string | null): Promise<boolean> {
  if (!roundId) return false;
  const round = await findLiveRound(roundId);
  return round !== null && round.status !== "ENDED";
}

function withoutTamper(verdict: unknown): unknown {
  if (typeof verdict !== "object" || verdict === null) return verdict;
  const { tamper: _tamper, ...rest } = verdict as Record<string, unknown>;
  return rest;
}
