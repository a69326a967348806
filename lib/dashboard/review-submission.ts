import { z } from "zod";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { requireClassAccess } from "@/lib/auth/require-class-access";
import { parseInput } from "@/lib/config/parse-input";
import { findSubmissionForReview, storeReviewDecision } from "@/lib/db/submission-review";
import { withTransaction } from "@/lib/db/with-transaction";
import { AppError } from "@/lib/errors/app-error";
import { findGradedEventPublisher, type PublishGradedEvent } from "@/lib/grading/graded-event-publisher";
import { fromStoredVerdict, toStoredVerdict } from "@/lib/grading/stored-verdict";
import type { VerdictView } from "@/lib/grading/submission-view.types";
import { getLeaderboardNotifier, type LeaderboardNotifier } from "@/lib/leaderboard/leaderboard-notifier";
import { refreshBestScore } from "@/lib/leaderboard/refresh-best-score";
import type { SubmissionGradedPayload } from "@/lib/realtime/events";
import { getRealtimePublisher, type RealtimePublisher } from "@/lib/realtime/publisher";

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
 * Test seams. By default the decision goes out on the grading channel (every node's sockets and
 * leaderboard, like a graded verdict); `publisher`/`notifyLeaderboard` deliver on this node only.
 */
export interface ReviewSubmissionDeps {
  publishGraded?: PublishGradedEvent;
  publisher?: RealtimePublisher;
  notifyLeaderboard?: LeaderboardNotifier;
}

const NOT_WAITING = "This submission is not waiting for review any more.";

/**
 * The instructor decides on a submission held for review (the sandbox saw tampering): accepting
 * counts the checker's score, rejecting scores 0. The stored verdict stays a valid verdict
 * (toStoredVerdict: who decided and when go to the audit log, not into the verdict); the decision,
 * the student's BestScore and the audit entry commit together. Then the student is told live
 * (`submission:graded`), the class's dashboards too, and the leaderboard feed re-reads the student.
 */
export async function reviewSubmission(
  input: z.input<typeof reviewSubmissionInput>,
  deps: ReviewSubmissionDeps = {},
): Promise<ReviewResult> {
  const { userId, submissionId, decision } = parseInput(reviewSubmissionInput, input);
  const submission = await findSubmissionForReview(submissionId);
  if (!submission) throw new AppError("NOT_FOUND", "Submission not found", { key: "submission.notFound" });
  await requireClassAccess({
    userId,
    classId: submission.classId,
    action: "class.manage",
    submissionUserId: submission.userId,
  });
  if (submission.status !== "needs_review") throw new AppError("CONFLICT", NOT_WAITING, { key: "review.notWaiting" });
  const checked = fromStoredVerdict(submission.verdict);
  if (!checked)
    throw new AppError("CONFLICT", "This submission has no verdict to review.", { key: "review.noVerdict" });
  const verdict = decide(checked, decision);
  const stored = await withTransaction(async (tx) => {
    const row = await storeReviewDecision(submissionId, { passed: verdict.passed, score: verdict.score, verdict }, tx);
    if (!row) return null;
    await refreshBestScore({ classId: row.classId, userId: row.userId, exerciseId: row.exerciseId }, tx);
    await recordAuditEntry(
      {
        userId,
        action: `submission.review.${decision}`,
        classId: row.classId,
        target: submissionId,
        details: { studentId: row.userId, exerciseId: row.exerciseId, score: verdict.score },
      },
      tx,
    );
    return row;
  });
  if (!stored) throw new AppError("CONFLICT", NOT_WAITING, { key: "review.notWaiting" });
  const event = {
    submissionId,
    exerciseId: stored.exerciseId,
    classId: stored.classId,
    userId: stored.userId,
    status: verdict.passed ? ("passed" as const) : ("failed" as const),
    score: verdict.score,
    gradedAt: new Date().toISOString(),
  };
  announce(event, deps);
  return { submissionId, decision, passed: verdict.passed, score: verdict.score };
}

/**
 * Like a grading verdict: to the student and the class's instructors (never to other students),
 * and the leaderboard feed re-reads the student — on every node when the process has a grading
 * channel (with Redis, a board on another node would otherwise never hear of the decision).
 */
function announce(event: SubmissionGradedPayload, deps: ReviewSubmissionDeps): void {
  const localSeams = deps.publisher !== undefined || deps.notifyLeaderboard !== undefined;
  const toEveryNode = deps.publishGraded ?? (localSeams ? undefined : findGradedEventPublisher());
  if (toEveryNode) return toEveryNode(event);
  const publisher = deps.publisher ?? getRealtimePublisher();
  publisher.toUser(event.userId, "submission:graded", event);
  publisher.toClassStaff(event.classId, "submission:graded", event);
  (deps.notifyLeaderboard ?? getLeaderboardNotifier())(event.classId, event.userId);
}

/** Accepting keeps the checker's verdict; rejecting keeps its evidence but scores it 0, failed. */
function decide(checked: VerdictView, decision: "accept" | "reject"): VerdictView {
  return toStoredVerdict(decision === "accept" ? checked : { ...checked, passed: false, score: 0 });
}
