import { AppError } from "@/lib/errors/app-error";
import type { RunLimits, RunRequest, RunResult } from "@/lib/sandbox/run-result.types";
import { runLimitsSchema } from "@/lib/sandbox/run-result.types";
import { checkPrediction } from "@/lib/traces/check-prediction";
import { checkProgram } from "@/lib/traces/check-program";
import { RetryableGradingError } from "./grading-queue.types";

export interface EvaluationInput {
  kind: "WRITE_CODE" | "PREDICT_OUTPUT";
  /** The student's program, or for predict-the-output the predicted lines, one per line. */
  code: string;
  version: { expectedSpec: string; schedules: number; referenceSolution: string; limits: unknown; forbiddenNotes: unknown };
}

export interface Evaluation {
  passed: boolean;
  score: number;
  verdict: object;
  /** The run shown to the student (the failing schedule's); null for a prediction (nothing ran). */
  trace: RunResult | null;
  firstDivergence: object | null;
  failingSeed: number | null;
  tamper: { reason: string } | null;
}

type Run = (request: RunRequest) => Promise<RunResult>;

/**
 * Runs and checks one submission: a program under every schedule the exercise requires, or a
 * prediction against the shown program's real output. A sandbox failure is the infrastructure's,
 * never the student's: it surfaces as RetryableGradingError so the queue retries it.
 */
export async function evaluateSubmission(input: EvaluationInput, run: Run): Promise<Evaluation> {
  const limits = exerciseLimits(input.version.limits);
  const guardedRun: Run = async (request) => {
    const result = await run(request).catch((error: unknown) => {
      throw new RetryableGradingError(`sandbox rejected the run: ${error instanceof Error ? error.message : String(error)}`);
    });
    if (result.status === "sandbox_error") {
      throw new RetryableGradingError(result.error?.message ?? result.notes.join("; ") ?? "sandbox error");
    }
    return result;
  };
  try {
    return input.kind === "PREDICT_OUTPUT" ? evaluatePrediction(input) : await evaluateProgram(input, limits, guardedRun);
  } catch (error) {
    if (error instanceof AppError && error.code === "UNAVAILABLE") throw new RetryableGradingError(error.message);
    throw error;
  }
}

async function evaluateProgram(input: EvaluationInput, limits: RunLimits, run: Run): Promise<Evaluation> {
  const verdict = await checkProgram({
    code: input.code,
    spec: input.version.expectedSpec,
    schedules: input.version.schedules > 0 ? input.version.schedules : null,
    forbiddenNotes: stringArray(input.version.forbiddenNotes),
    limits,
    run,
  });
  const { run: trace, ...rest } = verdict;
  return {
    passed: verdict.passed,
    score: verdict.score,
    verdict: rest,
    trace,
    firstDivergence: verdict.firstDivergence,
    failingSeed: verdict.failingSeed,
    tamper: verdict.tamper,
  };
}

/** Checked against the exercise's expected trace: no sandbox run per student during a live quiz. */
function evaluatePrediction(input: EvaluationInput): Evaluation {
  const lines = input.code.replace(/\r\n?/g, "\n").replace(/\n+$/, "").split("\n");
  const verdict = checkPrediction(lines, input.version.expectedSpec);
  return { passed: verdict.passed, score: verdict.score, verdict, trace: null, firstDivergence: verdict.firstDivergence, failingSeed: null, tamper: null };
}

/** The exercise's stored limit overrides on top of the defaults; a corrupt value falls back to them. */
export function exerciseLimits(stored: unknown): RunLimits {
  const parsed = runLimitsSchema.safeParse(typeof stored === "object" && stored !== null ? stored : {});
  return parsed.success ? parsed.data : runLimitsSchema.parse({});
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}
