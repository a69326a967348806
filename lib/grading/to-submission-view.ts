import type { ExerciseKind } from "@/lib/db/exercises";
import type { SubmissionRecord } from "@/lib/db/submission-record";
import type { Evaluation } from "./evaluate-submission";
import { fromStoredTrace, fromStoredVerdict } from "./stored-verdict";
import type { RunView, SubmissionView, TraceView, VerdictView } from "./submission-view.types";

/**
 * The only place a submission becomes what someone sees, one function per audience. A student sees
 * the feedback, not the machinery: no tamper reason and no infrastructure error (a fixed notice
 * instead). A prediction's trace is the program's real run: the quiz's answer, shown only once the
 * prediction is graded, like every trace, and not while a live round on the exercise runs.
 */
export const NOTICES = {
  infra_error: "This submission could not be graded because of a problem on our side; your instructor can regrade it.",
  needs_review: "Your instructor will review this submission before it counts.",
} as const;

/**
 * `withheld`: the submission answers a live round that is still running — pass/fail and the score
 * only, no expected lines, divergence or trace until the round ends.
 */
export function toStudentView(
  row: SubmissionRecord,
  kind: ExerciseKind,
  options: { withheld?: boolean } = {},
): SubmissionView {
  const base = baseView(row, kind);
  const trace = withoutTamper(base.trace);
  // A held submission shows no verdict until the instructor decides.
  const shown = (row.status === "passed" || row.status === "failed") && !options.withheld;
  return {
    ...base,
    withheldUntilRoundEnds: options.withheld ?? false,
    verdict: shown ? base.verdict : null,
    firstDivergence: shown ? base.firstDivergence : null,
    failingSeed: shown ? base.failingSeed : null,
    trace: shown ? trace : null,
    review: null,
  };
}

export function toInstructorView(row: SubmissionRecord, kind: ExerciseKind): SubmissionView {
  const { tamperReason, infraError, infraRetries, runMs } = row;
  const review = { tamperReason, infraError, infraRetries, runMs };
  return { ...baseView(row, kind), withheldUntilRoundEnds: false, review };
}

/**
 * The Run (try it) result, for the student who ran it. `withheld` (a live round on this exercise is
 * running): the student's own output and pass/fail only — no expected lines, no divergence.
 */
export function toRunView(evaluation: Evaluation, options: { withheld?: boolean } = {}): RunView {
  const withheld = options.withheld ?? false;
  const verdict = withheld ? withoutExpectedLines(evaluation.verdict) : evaluation.verdict;
  return {
    status: evaluation.passed ? "passed" : "failed",
    passed: evaluation.passed,
    score: evaluation.score,
    verdict,
    firstDivergence: withheld ? null : evaluation.firstDivergence,
    failingSeed: withheld ? null : evaluation.failingSeed,
    trace: withoutTamper(evaluation.trace),
    withheldUntilRoundEnds: withheld,
  };
}

function withoutExpectedLines(verdict: VerdictView): VerdictView {
  if (verdict.kind === "prediction") return verdict;
  return { ...verdict, firstDivergence: null, diff: [] };
}

type BaseView = Omit<SubmissionView, "review" | "withheldUntilRoundEnds">;

function baseView(row: SubmissionRecord, kind: ExerciseKind): BaseView {
  const verdict = fromStoredVerdict(row.verdict);
  return {
    id: row.id,
    exerciseId: row.exerciseId,
    classId: row.classId,
    userId: row.userId,
    assignmentId: row.assignmentId,
    kind,
    status: row.status,
    attemptNumber: row.attemptNumber,
    code: row.code,
    score: row.score,
    verdict,
    firstDivergence: verdict?.firstDivergence ?? null,
    failingSeed: verdict?.kind === "program" ? verdict.failingSeed : null,
    trace: fromStoredTrace(row.trace),
    notice: noticeFor(row.status),
    queuedAt: row.queuedAt.toISOString(),
    gradedAt: row.gradedAt?.toISOString() ?? null,
  };
}

function noticeFor(status: SubmissionRecord["status"]): string | null {
  return status === "infra_error" || status === "needs_review" ? NOTICES[status] : null;
}

function withoutTamper(trace: TraceView | null): TraceView | null {
  return trace && trace.tamper ? { ...trace, tamper: null } : trace;
}
