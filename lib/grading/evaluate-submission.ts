import { storedNetworkSpec } from "@/lib/run-contract/network-spec.types";
import { AppError } from "@/lib/errors/app-error";
import type { RunLimits, RunRequest, RunResult } from "@/lib/run-contract/run-result.types";
import { runLimitsSchema } from "@/lib/run-contract/run-result.types";
import { checkPrediction } from "@/lib/traces/check-prediction";
import type { Divergence } from "@/lib/traces/verdict.types";
import { checkProgram } from "./check-program";
import { findPredictionMistake } from "./find-prediction-mistake";
import { runPredictProgram } from "./run-predict-program";
import { RetryableGradingError } from "./grading-queue.types";
import type { VerdictView } from "./submission-view.types";

export interface EvaluationInput {
  kind: "WRITE_CODE" | "PREDICT_OUTPUT";
  /** The student's program, or for predict-the-output the predicted lines, one per line. */
  code: string;
  version: {
    expectedSpec: string;
    schedules: number;
    referenceSolution: string;
    limits: unknown;
    forbiddenNotes: unknown;
    packageExtras?: unknown;
    /** network.json as stored (lib/run-contract/network-spec.types.ts). */
    network?: unknown;
  };
}

export interface Evaluation {
  passed: boolean;
  score: number;
  verdict: VerdictView;
  /**
   * The run shown to the student: the failing schedule's, or for a prediction the program's real
   * run (null when the sandbox could not make it).
   */
  trace: RunResult | null;
  firstDivergence: Divergence | null;
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
  const guardedRun: Run = async (request) =>
    run(request).catch((error: unknown) => {
      throw new RetryableGradingError(
        `sandbox rejected the run: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  try {
    return input.kind === "PREDICT_OUTPUT"
      ? await evaluatePrediction(input, limits, run)
      : await evaluateProgram(input, limits, guardedRun);
  } catch (error) {
    if (error instanceof AppError && error.code === "UNAVAILABLE") throw new RetryableGradingError(error.message);
    throw error;
  }
}

async function evaluateProgram(input: EvaluationInput, limits: RunLimits, run: Run): Promise<Evaluation> {
  const {
    run: trace,
    tamper,
    ...verdict
  } = await checkProgram({
    code: input.code,
    spec: input.version.expectedSpec,
    schedules: input.version.schedules > 0 ? input.version.schedules : null,
    forbiddenNotes: stringArray(input.version.forbiddenNotes),
    limits,
    network: storedNetworkSpec(input.version.network),
    run,
  });
  return {
    passed: verdict.passed,
    score: verdict.score,
    verdict: { kind: "program", ...verdict },
    trace,
    firstDivergence: verdict.firstDivergence,
    failingSeed: verdict.failingSeed,
    tamper,
  };
}

/**
 * Checked against the exercise's expected trace, without the sandbox. The program's real run (one
 * per version and process, memoised) only comes along for the feedback after the answer.
 */
async function evaluatePrediction(input: EvaluationInput, limits: RunLimits, run: Run): Promise<Evaluation> {
  const lines = input.code.replace(/\r\n?/g, "\n").replace(/\n+$/, "").split("\n");
  const checked = checkPrediction(lines, input.version.expectedSpec);
  // A wrong prediction the author foresaw carries the author's explanation of that mistake.
  const mistake = checked.passed ? null : findPredictionMistake(lines, input.version.packageExtras);
  const verdict = mistake ? { ...checked, mistake } : checked;
  return {
    passed: verdict.passed,
    score: verdict.score,
    verdict: { kind: "prediction", ...verdict },
    trace: await runPredictProgram({
      program: input.version.referenceSolution,
      limits,
      network: storedNetworkSpec(input.version.network),
      run,
    }),
    firstDivergence: verdict.firstDivergence,
    failingSeed: null,
    tamper: null,
  };
}

/** The exercise's stored limit overrides on top of the defaults; a corrupt value falls back to them. */
export function exerciseLimits(stored: unknown): RunLimits {
  const parsed = runLimitsSchema.safeParse(typeof stored === "object" && stored !== null ? stored : {});
  return parsed.success ? parsed.data : runLimitsSchema.parse({});
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}
