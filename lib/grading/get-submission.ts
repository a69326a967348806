import { z } from "zod";
import { can } from "@/lib/auth/policy";
import { requireClassAccess } from "@/lib/auth/require-class-access";
import { parseInput } from "@/lib/config/parse-input";
import { findLiveRound } from "@/lib/db/live-rounds";
import { findSubmissionWithKind } from "@/lib/db/submissions";
import { AppError } from "@/lib/errors/app-error";
import type { SubmissionView } from "./submission-view.types";
import { toInstructorView, toStudentView } from "./to-submission-view";

const idSchema = z.string({ message: "Missing id." }).trim().min(1, "Missing id.").max(64, "Invalid id.");
export const getSubmissionInput = z.object({ userId: idSchema, submissionId: idSchema });

/**
 * One submission, for its author (the student's view) or the class's instructor (the instructor's
 * view, with the review details); anyone else gets NOT_FOUND.
 */
export async function getSubmission(input: z.input<typeof getSubmissionInput>): Promise<SubmissionView> {
  const { userId, submissionId } = parseInput(getSubmissionInput, input);
  const submission = await findSubmissionWithKind(submissionId);
  if (!submission) throw new AppError("NOT_FOUND", "Submission not found", { key: "submission.notFound" });
  const { actor, context } = await requireClassAccess({
    userId,
    classId: submission.classId,
    action: "submission.view",
    submissionUserId: submission.userId,
  });
  const manages = can(actor, "exercise.manage", context).allowed;
  if (manages) return toInstructorView(submission, submission.kind);
  // A live round's answer shows pass/fail only until the round ends (neighbours must not see it).
  const withheld = await isRoundStillOpen(submission.liveRoundId);
  return toStudentView(submission, submission.kind, { withheld });
}

async function isRoundStillOpen(roundId: string | null): Promise<boolean> {
  if (!roundId) return false;
  const round = await findLiveRound(roundId);
  return round !== null && round.status !== "ENDED";
}
