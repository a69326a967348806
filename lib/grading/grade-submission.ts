import { recordInfraFailure, type ClaimedSubmission } from "@/lib/db/submissions";
import { COMMIT_ONE_BY_ONE, type GradingCommit } from "./create-group-commit";
import type { FinalStatus } from "@/lib/grading/submission-status";
import type { RunRequest, RunResult } from "@/lib/run-contract/run-result.types";
import type { SubmissionGradedPayload } from "@/lib/realtime/events";
import { evaluateSubmission, type Evaluation } from "./evaluate-submission";
import { classifyGradingFailure } from "./classify-grading-failure";
import { MAX_INFRA_RETRIES, RetryableGradingError } from "./grading-queue.types";
import { toStoredVerdict } from "./stored-verdict";

export interface GradeSubmissionOptions {
  submissionId: string;
  run: (request: RunRequest) => Promise<RunResult>;
  /** Called after the verdict is committed, never before. */
  publish: (event: SubmissionGradedPayload) => void;
  /** A running row older than this is considered abandoned by a dead worker. */
  staleAfterMs: number;
  /** One line per infrastructure failure (default: console.error). */
  log?: (message: string) => void;
  /** Test seam: the checker (default: the real one). */
  evaluate?: typeof evaluateSubmission;
  /** How the claim and the verdict are written (startGrading: in batches; default: one by one). */
  commit?: GradingCommit;
}

export type GradeOutcome = FinalStatus | "skipped";

/**
 * The grade job: claim the row (conditional update), run it in the sandbox under every required
 * schedule, check the trace, store the verdict guarded by the claim, and only then publish.
 * Idempotent: a duplicate delivery or a stale worker finds nothing to claim or store.
 *
 * Failures are classified once (classifyGradingFailure): what the student's code did is a verdict
 * (never retried); an infrastructure failure queues the row again and throws RetryableGradingError
 * for the queue's backoff, until MAX_INFRA_RETRIES — then, like a checker bug at once, it ends
 * `infra_error` for the instructor to regrade.
 */
export async function gradeSubmission(options: GradeSubmissionOptions): Promise<GradeOutcome> {
  const commit = options.commit ?? COMMIT_ONE_BY_ONE;
  const claim = await commit.claim(options.submissionId, new Date(Date.now() - options.staleAfterMs));
  if (!claim) return "skipped";
  const started = performance.now();
  const evaluate = options.evaluate ?? evaluateSubmission;
  let evaluation: Evaluation;
  try {
    evaluation = await evaluate({ kind: claim.kind, code: claim.code, version: claim.version }, options.run);
  } catch (error) {
    return handleInfraFailure(claim, error, options);
  }
  let verdict;
  try {
    verdict = toStoredVerdict(evaluation.verdict);
  } catch (error) {
    // The checker produced something that is not a verdict: its bug, not the student's.
    return handleInfraFailure(claim, error, options);
  }
  // A tampered submission is held for the instructor: no points until reviewed.
  const status = evaluation.tamper ? "needs_review" : evaluation.passed ? "passed" : "failed";
  const score = evaluation.tamper ? 0 : evaluation.score;
  const key = { classId: claim.classId, userId: claim.userId, exerciseId: claim.exerciseId };
  // The verdict and the student's BestScore commit together (one transaction), then we publish.
  const stored = await commit.store({
    id: claim.id,
    claimAttempt: claim.claimAttempt,
    fields: {
      status,
      passed: evaluation.tamper ? false : evaluation.passed,
      score,
      verdict,
      trace: evaluation.trace,
      firstDivergence: evaluation.firstDivergence,
      failingSeed: evaluation.failingSeed,
      tamperReason: evaluation.tamper?.reason ?? null,
      runMs: Math.round(performance.now() - started),
    },
    key,
  });
  if (!stored) return "skipped";
  publishFinal(claim, status, score, options);
  return status;
}

async function handleInfraFailure(
  claim: ClaimedSubmission,
  error: unknown,
  options: GradeSubmissionOptions,
): Promise<GradeOutcome> {
  const failure = classifyGradingFailure(error);
  const final = !failure.retry || claim.infraRetries >= MAX_INFRA_RETRIES;
  const log = options.log ?? ((message: string) => console.error(`[grading] ${message}`));
  const tries = `try ${claim.infraRetries + 1} of ${MAX_INFRA_RETRIES + 1}`;
  const next = final ? "giving up: infra_error" : "retrying";
  log(`submission ${claim.id}: ${failure.kind} failure (${tries}, ${next}): ${failure.message}`);
  const recorded = await recordInfraFailure(claim.id, claim.claimAttempt, { message: failure.message, final });
  if (!recorded) return "skipped";
  if (!final) throw new RetryableGradingError(failure.message);
  publishFinal(claim, "infra_error", 0, options);
  return "infra_error";
}

function publishFinal(claim: ClaimedSubmission, status: FinalStatus, score: number, options: GradeSubmissionOptions) {
  options.publish({
    submissionId: claim.id,
    exerciseId: claim.exerciseId,
    classId: claim.classId,
    userId: claim.userId,
    status,
    score,
    gradedAt: new Date().toISOString(),
  });
}
