import { claimSubmission, markInfraError } from "@/lib/db/submissions";
import { storeVerdict } from "./store-verdict";
import type { RunRequest, RunResult } from "@/lib/sandbox/run-result.types";
import { evaluateSubmission } from "./evaluate-submission";
import { RetryableGradingError } from "./grading-queue.types";
import type { SubmissionGradedPayload } from "@/lib/realtime/events";

export interface GradeSubmissionOptions {
  submissionId: string;
  run: (request: RunRequest) => Promise<RunResult>;
  /** Called after the verdict is committed, never before. */
  publish: (event: SubmissionGradedPayload) => void;
  /** A RUNNING row older than this is considered abandoned by a dead worker. */
  staleAfterMs: number;
}

export type GradeOutcome = "graded" | "needs_review" | "skipped";

/**
 * The grade job: claim the row (conditional update), run it in the sandbox under every required
 * schedule, check the trace, store the verdict guarded by the claim, and only then publish.
 * Idempotent: a duplicate delivery or a stale worker finds nothing to claim or store.
 */
export async function gradeSubmission(options: GradeSubmissionOptions): Promise<GradeOutcome> {
  const claim = await claimSubmission(options.submissionId, new Date(Date.now() - options.staleAfterMs));
  if (!claim) return "skipped";
  const started = performance.now();
  let evaluation;
  try {
    evaluation = await evaluateSubmission({ kind: claim.kind, code: claim.code, version: claim.version }, options.run);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await markInfraError(claim.id, claim.claimAttempt, message);
    throw error instanceof RetryableGradingError ? error : new RetryableGradingError(message);
  }
  const status = evaluation.tamper ? "NEEDS_REVIEW" : "GRADED";
  const key = { classId: claim.classId, userId: claim.userId, exerciseId: claim.exerciseId };
  // The verdict and the student's BestScore commit together (one transaction), then we publish.
  const stored = await storeVerdict(claim.id, claim.claimAttempt, {
    status,
    // A tampered submission is held for the instructor: no points until reviewed.
    passed: evaluation.tamper ? false : evaluation.passed,
    score: evaluation.tamper ? 0 : evaluation.score,
    verdict: { ...evaluation.verdict, tamper: evaluation.tamper },
    trace: evaluation.trace,
    firstDivergence: evaluation.firstDivergence,
    failingSeed: evaluation.failingSeed,
    runMs: Math.round(performance.now() - started),
  }, key);
  if (!stored) return "skipped";
  options.publish({
    submissionId: claim.id,
    exerciseId: claim.exerciseId,
    classId: claim.classId,
    userId: claim.userId,
    status: status === "NEEDS_REVIEW" ? "needs_review" : evaluation.passed ? "passed" : "failed",
    score: status === "NEEDS_REVIEW" ? 0 : evaluation.score,
    gradedAt: new Date().toISOString(),
  });
  return status === "NEEDS_REVIEW" ? "needs_review" : "graded";
}
