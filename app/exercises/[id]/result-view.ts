import type { SubmissionStatus } from "@/lib/grading/submission-status";
import type { ResultFields, RunView, SubmissionView, VerdictView } from "@/lib/grading/submission-view.types";
import type { SubmittedSolution } from "@/lib/grading/submit-solution";
import type { Lifecycle, RunResult } from "@/lib/run-contract/run-result.types";
import type { Divergence } from "@/lib/traces/verdict.types";

/**
 * What the result panel shows, derived from the server's own result types (imported type-only,
 * never re-parsed): a Run response, a stored submission (GET /api/submissions/ID) or a fresh 202.
 * The mapping only flattens what the panel's parts read; every value is the server's.
 */
export type ResultState = SubmissionStatus;

export interface TraceRow {
  t: number;
  task: string;
  stream: "stdout" | "stderr";
  text: string;
}

export interface ExpectedRow {
  t: number | null;
  task: string | null;
  text: string;
}

export interface RunShown {
  status: RunResult["status"];
  virtualTime: number;
  wallMs: number | null;
  /** The child's CPU time; null on runs stored before it was measured. */
  cpuMs: number | null;
  error: string | null;
  errorType: string | null;
  errorLine: number | null;
  limit: string | null;
  rows: TraceRow[];
  notes: string[];
  lifecycle: Lifecycle | null;
}

export interface ResultView {
  mode: "run" | "submission";
  submissionId: string | null;
  state: ResultState;
  attemptNumber: number | null;
  score: number | null;
  /** `code` + `params` let the page translate; `message` is the server's English fallback. */
  divergence: Divergence | null;
  prediction: { code: string; params: Record<string, string | number>; message: string } | null;
  failingSeed: number | null;
  /** How many distinct schedules the checker explored, and whether that was every one. */
  exploration: { explored: number; complete: boolean } | null;
  run: RunShown | null;
  /** The expected lines as the checker aligned them (for the expected timeline), when known. */
  expected: ExpectedRow[] | null;
  /** Position of the first divergence among the expected lines. */
  expectedIndex: number | null;
  /** The submitted code (a stored submission), null for a Run. */
  code: string | null;
  /** The author's explanation of this wrong prediction (predict-the-output), when foreseen. */
  mistake: { en: string; zh: string } | null;
  /** For the student when the status needs words (infra_error, needs_review). */
  notice: string | null;
  /** A live round's answer while the round runs: pass/fail and the score only. */
  withheld: boolean;
}

export function resultFromRun(view: RunView): ResultView {
  return { ...fromResultFields(view), mode: "run", submissionId: null, attemptNumber: null, code: null, notice: null };
}

export function resultFromSubmission(view: SubmissionView): ResultView {
  return {
    ...fromResultFields(view),
    mode: "submission",
    submissionId: view.id,
    attemptNumber: view.attemptNumber,
    code: view.code,
    notice: view.notice,
  };
}

/** A freshly accepted submission (the 202 body), before any grading. */
export function queuedResult(submitted: SubmittedSolution): ResultView {
  const empty = {
    score: null,
    verdict: null,
    firstDivergence: null,
    failingSeed: null,
    trace: null,
    withheldUntilRoundEnds: false,
  };
  const fields = fromResultFields({ ...empty, status: submitted.status });
  return {
    ...fields,
    mode: "submission",
    submissionId: submitted.id,
    attemptNumber: submitted.attemptNumber,
    code: null,
    notice: null,
  };
}

/** Still on its way to a verdict (infra_error is final: the instructor regrades it). */
export function isPending(result: ResultView | null): boolean {
  return result !== null && (result.state === "queued" || result.state === "running");
}

type Common = Omit<ResultView, "mode" | "submissionId" | "attemptNumber" | "code" | "notice">;

function fromResultFields(fields: ResultFields & { withheldUntilRoundEnds: boolean }): Common {
  const verdict = fields.verdict;
  return {
    state: fields.status,
    score: fields.score,
    divergence: fields.firstDivergence,
    prediction: predictionFeedback(verdict),
    failingSeed: fields.failingSeed,
    exploration: verdict?.kind === "program" ? { explored: verdict.explored, complete: verdict.complete } : null,
    run: fields.trace ? runShown(fields.trace) : null,
    expected: verdict ? expectedRows(verdict) : null,
    expectedIndex: fields.firstDivergence?.expectedIndex ?? null,
    mistake: verdict?.kind === "prediction" ? (verdict.mistake ?? null) : null,
    withheld: fields.withheldUntilRoundEnds,
  };
}

function predictionFeedback(verdict: VerdictView | null): ResultView["prediction"] {
  if (verdict?.kind !== "prediction") return null;
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(verdict.feedback.params)) if (value !== null) params[key] = value;
  return { code: verdict.feedback.code, params, message: verdict.feedback.message };
}

function expectedRows(verdict: VerdictView): ExpectedRow[] | null {
  const rows = verdict.diff.flatMap((row) =>
    row.expected ? [{ t: row.expected.t ?? null, task: row.expected.task ?? null, text: row.expected.text }] : [],
  );
  return rows.length > 0 ? rows : null;
}

function runShown(trace: RunResult): RunShown {
  const error = trace.error;
  return {
    status: trace.status,
    virtualTime: trace.virtualTime,
    wallMs: trace.wallMs,
    cpuMs: trace.cpuMs ?? null,
    error: error ? `${error.type}: ${error.message}${error.line ? ` (line ${error.line})` : ""}` : null,
    errorType: error?.type ?? null,
    errorLine: error?.line ?? null,
    limit: trace.limit,
    rows: trace.events.flatMap((event): TraceRow[] => {
      const stream = event.stream;
      return stream === "stdout" || stream === "stderr"
        ? [{ t: event.t, task: event.task, stream, text: event.text }]
        : [];
    }),
    notes: trace.notes,
    lifecycle: trace.lifecycle ?? null,
  };
}
