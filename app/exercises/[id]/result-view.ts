import { z } from "zod";

/**
 * What the result panel shows, from either a Run response or a stored submission
 * (GET /api/submissions/ID). Parsed leniently: a field the panel does not understand is dropped,
 * never a crash.
 */
export type ResultState = "queued" | "running" | "passed" | "failed" | "needs_review" | "infra_error";

export interface TraceRow {
  t: number;
  task: string;
  stream: "stdout" | "stderr";
  text: string;
}

export interface ResultView {
  mode: "run" | "submission";
  submissionId: string | null;
  state: ResultState;
  attemptNumber: number | null;
  score: number | null;
  /** `code` + `params` let the page translate; `message` is the server's English fallback. */
  divergence: { reason: string; code: string; params: Record<string, string | number | null>; message: string; index: number } | null;
  prediction: { code: string; params: Record<string, string | number>; message: string } | null;
  failingSeed: number | null;
  /** How many distinct schedules the checker explored, and whether that was every one. */
  exploration: { explored: number; complete: boolean } | null;
  run: { status: string; virtualTime: number; error: string | null; rows: TraceRow[]; notes: string[] } | null;
}

const paramsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
const divergenceSchema = z.object({
  reason: z.string(),
  // Older stored verdicts may lack them: the English message is shown then.
  code: z.string().catch(""),
  params: paramsSchema.catch({}),
  message: z.string(),
  index: z.number(),
});
const predictionSchema = z.object({
  code: z.string(),
  params: paramsSchema.transform((params) => {
    const out: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(params)) if (value !== null) out[key] = value;
    return out;
  }),
  message: z.string(),
});
const runSchema = z.object({
  status: z.string(),
  virtualTime: z.number(),
  error: z.object({ type: z.string(), message: z.string(), line: z.number().nullable() }).nullable().catch(null),
  events: z.array(z.object({ t: z.number(), task: z.string(), stream: z.string(), text: z.string() })),
  notes: z.array(z.string()).catch([]),
});
const explorationSchema = z.object({ explored: z.number().int().positive(), complete: z.boolean() });

function parseExploration(verdict: unknown): ResultView["exploration"] {
  const parsed = explorationSchema.safeParse(verdict);
  return parsed.success ? parsed.data : null;
}

function parseDivergence(value: unknown) {
  const parsed = divergenceSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function parsePrediction(verdict: unknown) {
  const feedback = typeof verdict === "object" && verdict !== null && "feedback" in verdict ? verdict.feedback : null;
  const parsed = predictionSchema.safeParse(feedback);
  return parsed.success ? parsed.data : null;
}

function parseRun(value: unknown): ResultView["run"] {
  const parsed = runSchema.safeParse(value);
  if (!parsed.success) return null;
  const { status, virtualTime, error, events, notes } = parsed.data;
  const rows = events.flatMap((event): TraceRow[] => {
    const stream = event.stream;
    return stream === "stdout" || stream === "stderr" ? [{ t: event.t, task: event.task, stream, text: event.text }] : [];
  });
  const errorText = error ? `${error.type}: ${error.message}${error.line ? ` (line ${error.line})` : ""}` : null;
  return { status, virtualTime, error: errorText, rows, notes };
}

const runResponseSchema = z.object({ passed: z.boolean(), score: z.number(), verdict: z.unknown(), trace: z.unknown(), firstDivergence: z.unknown(), failingSeed: z.number().nullable() });

export function resultFromRun(body: unknown): ResultView | null {
  const parsed = runResponseSchema.safeParse(body);
  if (!parsed.success) return null;
  const run = parsed.data;
  return {
    mode: "run",
    submissionId: null,
    state: run.passed ? "passed" : "failed",
    attemptNumber: null,
    score: run.score,
    divergence: parseDivergence(run.firstDivergence),
    prediction: parsePrediction(run.verdict),
    failingSeed: run.failingSeed,
    exploration: parseExploration(run.verdict),
    run: parseRun(run.trace),
  };
}

const submissionSchema = z.object({
  id: z.string(),
  status: z.enum(["QUEUED", "RUNNING", "GRADED", "NEEDS_REVIEW", "INFRA_ERROR"]),
  attemptNumber: z.number(),
  passed: z.boolean().nullable(),
  score: z.number().nullable(),
  verdict: z.unknown(),
  firstDivergence: z.unknown(),
  failingSeed: z.number().nullable(),
  trace: z.unknown(),
});

const STATE_OF = { QUEUED: "queued", RUNNING: "running", NEEDS_REVIEW: "needs_review", INFRA_ERROR: "infra_error" } as const;

export function resultFromSubmission(body: unknown): ResultView | null {
  const parsed = submissionSchema.safeParse(body);
  if (!parsed.success) return null;
  const s = parsed.data;
  const state: ResultState = s.status === "GRADED" ? (s.passed ? "passed" : "failed") : STATE_OF[s.status];
  const graded = s.status === "GRADED";
  return {
    mode: "submission",
    submissionId: s.id,
    state,
    attemptNumber: s.attemptNumber,
    score: graded ? s.score : null,
    divergence: graded ? parseDivergence(s.firstDivergence) : null,
    prediction: graded ? parsePrediction(s.verdict) : null,
    failingSeed: graded ? s.failingSeed : null,
    exploration: graded ? parseExploration(s.verdict) : null,
    run: graded ? parseRun(s.trace) : null,
  };
}

/** A freshly accepted submission (the 202 body), before any grading. */
export function queuedResult(id: string, attemptNumber: number): ResultView {
  return { mode: "submission", submissionId: id, state: "queued", attemptNumber, score: null, divergence: null, prediction: null, failingSeed: null, exploration: null, run: null };
}

export function isPending(result: ResultView | null): boolean {
  return result !== null && (result.state === "queued" || result.state === "running" || result.state === "infra_error");
}
