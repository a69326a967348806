import type { RunRequest, RunResult } from "@/lib/run-contract/run-result.types";
import { createScheduleCheck, type ProgramVerdict } from "@/lib/traces/check-schedules";
import type { ExpectedSpec } from "@/lib/traces/spec.types";
import { RetryableGradingError } from "./grading-queue.types";

export interface CheckProgramOptions {
  code: string;
  /** Parsed spec, or its text (a SpecParseError is thrown for bad text). */
  spec: ExpectedSpec | string;
  /** How many schedules must pass (reported in the verdict); default 1. */
  schedules?: number;
  /** Default 0: seeds 0..K-1 as exercises require; the CLI's --seed moves the window. */
  firstSeed?: number;
  /**
   * The schedule strategy: which seeds to run, in order (default `seedRange(firstSeed, schedules)`).
   * Any iterable works — a generator may pick the next seed lazily; checking stops at the first
   * failing schedule, so later seeds are never drawn.
   */
  seeds?: Iterable<number>;
  /** Regex sources of harness notes that fail a run (see createScheduleCheck). */
  forbiddenNotes?: readonly string[];
  /** Passed to every run as is (the runner applies its defaults). */
  limits?: RunRequest["limits"];
  run: (request: RunRequest) => Promise<RunResult>;
}

/**
 * The schedule loop: runs the program under each seed of the strategy (through the injected `run`,
 * so it is testable without a sandbox), checks every run with the pure checker and stops at the
 * first failing schedule — its verdict and trace are what the student needs to see. A run the
 * sandbox could not perform is the infrastructure's failure, never the student's: it throws
 * RetryableGradingError instead of scoring 0.
 */
export async function checkProgram(options: CheckProgramOptions): Promise<ProgramVerdict> {
  const schedules = options.schedules ?? 1;
  const check = createScheduleCheck(options.spec, { schedules, forbiddenNotes: options.forbiddenNotes });
  for (const seed of options.seeds ?? seedRange(options.firstSeed ?? 0, schedules)) {
    const request: RunRequest = { code: options.code, seed };
    if (options.limits) request.limits = options.limits;
    const run = await options.run(request);
    if (run.status === "sandbox_error") {
      const reason = run.notes.join("; ") || run.error?.message || "unknown error";
      throw new RetryableGradingError(`the sandbox failed on seed ${seed}: ${reason}`);
    }
    if (!check.add(run)) break;
  }
  return check.verdict();
}

/** Seeds first..first+count-1: seed 0 is CPython's own order, the others are legal reorderings. */
export function* seedRange(first: number, count: number): Generator<number> {
  for (let seed = first; seed < first + count; seed++) yield seed;
}
