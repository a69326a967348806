import { z } from "zod";
import { requireClassAccess } from "@/lib/auth/require-class-access";
import { parseInput } from "@/lib/config/parse-input";
import { findSubmissionForReview, storeReviewDecision } from "@/lib/db/submission-review";
import { withTransaction } from "@/lib/db/with-transaction";
import { AppError } from "@/lib/errors/app-error";
import { refreshBestScore } from "@/lib/leaderboard/refresh-best-score";
import { getRealtimePublisher } from "@/lib/realtime/publisher";

export const reviewSubmissionInput = z.object({
  userId: z.string().min(1),
  submissionId: z.string().min(1),
  decision: z.enum(["accept", "reject"], { message: "decision must be accept or reject." }),
});

export interface ReviewResult {
  submissionId: string;
  decision: "accept" | "reject";
  passed: boolean;
  score: number;
}

/**
 * The instructor decides on a submission held for review (the sandbox saw tampering): accepting
 * counts the checker's score, rejecting scores 0. The student is told through the usual
 * `submission:graded` event; the class's dashboards and leaderboard get it too.
 */
export async function reviewSubmission(input: z.input<typeof reviewSubmissionInput>): Promise<ReviewResult> {
  const { userId, submissionId, decision } = parseInput(reviewSubmissionInput, input);
  const submission = await findSubmissionForReview(submissionId);
  if (!submission) throw new AppError("NOT_FOUND", "Submission not found");
  await requireClassAccess({
    userId,
    classId: submission.classId,
    action: "class.manage",
    submissionUserId: submission.userId,
  });
  if (submission.status !== "needs_review")
    throw new AppError("CONFLICT", "This submission is not waiting for review any more.");
  const verdict =
    typeof submission.verdict === "object" && submission.verdict !== null
      ? (submission.verdict as Record<string, unknown>)
      : {};
  const checkerPassed = verdict.passed === true;
  const checkerScore = typeof verdict.score === "number" ? verdict.score : 0;
  const passed = decision === "accept" && checkerPassed;
  const score = decision === "accept" ? checkerScore : 0;
  const reviewed = {
    passed,
    score,
    verdict: { ...verdict, review: { decision, by: userId, at: new Date().toISOString() } },
  };
  // The decision and the student's BestScore commit together, so the leaderboard never lags it.
  const stored = await withTransaction(async (tx) => {
    const row = await storeReviewDecision(submissionId, reviewed, tx);
    if (row) await refreshBestScore({ classId: row.classId, userId: row.userId, exerciseId: row.exerciseId }, tx);
    return row;
  });
  if (!stored) throw new AppError("CONFLICT", "This submission is not waiting for review any more.");
  const event = {
    submissionId,
    exerciseId: stored.exerciseId,
    classId: stored.classId,
    userId: stored.userId,
    status: passed ? ("passed" as const) : ("failed" as const),
    score,
    gradedAt: new Date().toISOString(),
  };
  const publisher = getRealtimePublisher();
  // Like a grading verdict: to the student and the class's instructors, never to other students.
  publisher.toUser(stored.userId, "submission:graded", event);
  publisher.toClassStaff(stored.classId, "submission:graded", event);
  return { submissionId, decision, passed, score };
}
