import type { SubmissionRecord } from "@/lib/db/submission-record";

/**
 * The one status vocabulary of a submission: the database column, the `submission:graded` event,
 * the API views and the UI all use these words (docs/grading.md#statuses).
 * - queued: stored, waiting for a grader (again after an infrastructure failure under the cap)
 * - running: claimed by a grader
 * - passed / failed: graded; a student's error, limit, deadlock or wrong output is `failed`
 * - needs_review: tampering detected: 0 points until the instructor decides
 * - infra_error: the infrastructure failed at every retry; the instructor can regrade it
 */
export const SUBMISSION_STATUSES = ["queued", "running", "passed", "failed", "needs_review", "infra_error"] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** The statuses a verdict ends in. */
export type VerdictStatus = Extract<SubmissionStatus, "passed" | "failed" | "needs_review">;

/** Where grading stops (the `submission:graded` event's `status`): a verdict, or infra_error. */
export type FinalStatus = VerdictStatus | "infra_error";

/** Still on its way to a verdict: the student waits (and cannot submit the next attempt meanwhile). */
export function isPendingStatus(status: SubmissionStatus): boolean {
  return status === "queued" || status === "running";
}

// The list above and the Prisma enum must name the same words: this fails the type check otherwise.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const SAME_AS_SCHEMA: Same<SubmissionStatus, SubmissionRecord["status"]> = true;
void SAME_AS_SCHEMA;
