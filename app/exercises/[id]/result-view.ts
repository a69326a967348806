import type { ResultFields, RunView, SubmissionView } from "@/lib/grading/submission-view.types";
import type { SubmittedSolution } from "@/lib/grading/submit-solution";

/**
 * What the result panel shows: the server's own result types (imported type-only, never re-parsed),
 * from a Run response, a stored submission (GET /api/submissions/ID) or a fresh 202.
 */
export interface ShownResult extends ResultFields {
  mode: "run" | "submission";
  submissionId: string | null;
  attemptNumber: number | null;
  notice: string | null;
}

export type ResultState = ShownResult["status"];

export interface TraceRow {
  t: number;
  task: string;
  stream: "stdout" | "stderr";
  text: string;
}

export function resultFromRun(view: RunView): ShownResult {
  return { ...view, mode: "run", submissionId: null, attemptNumber: null, notice: null };
}

export function resultFromSubmission(view: SubmissionView): ShownResult {
  return { ...view, mode: "submission", submissionId: view.id };
}

/** A freshly accepted submission (the 202 body), before any grading. */
export function queuedResult(submitted: SubmittedSolution): ShownResult {
  const empty = { score: null, verdict: null, firstDivergence: null, failingSeed: null, trace: null, notice: null };
  return { ...empty, mode: "submission", status: submitted.status, submissionId: submitted.id, attemptNumber: submitted.attemptNumber };
}

/** Still on its way to a verdict (infra_error is final: the instructor regrades it). */
export function isPending(result: ShownResult | null): boolean {
  return result !== null && (result.status === "queued" || result.status === "running");
}

/** The printed lines of a run (the timeline streams are for other views). */
export function outputRows(trace: NonNullable<ResultFields["trace"]>): TraceRow[] {
  return trace.events.flatMap((event): TraceRow[] => {
    const stream = event.stream;
    return stream === "stdout" || stream === "stderr" ? [{ t: event.t, task: event.task, stream, text: event.text }] : [];
  });
}

/** How the run ended, as one line: `ValueError: boom (line 3)`. */
export function errorText(trace: NonNullable<ResultFields["trace"]>): string | null {
  const error = trace.error;
  return error ? `${error.type}: ${error.message}${error.line ? ` (line ${error.line})` : ""}` : null;
}
