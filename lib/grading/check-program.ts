import type { NetworkSpec } from "@/lib/run-contract/network-spec.types";
import type { RunRequest, RunResult } from "@/lib/run-contract/run-result.types";
import { createScheduleCheck, type ProgramVerdict, type ScheduleCheck } from "@/lib/traces/check-schedules";
import type { ExpectedSpec } from "@/lib/traces/spec.types";
import { exploreSchedules } from "./explore-schedules";
import { RetryableGradingError } from "./grading-queue.types";

export interface CheckProgramOptions {
  code: string;
  /** Parsed spec, or its text (a SpecParseError is thrown for bad text). */
  spec: ExpectedSpec | string;
  /**
   * The exploration budget K (most schedules run, default 1); null lets the program's choice
   * points decide (exhaustive up to 64 schedules, else 16 PCT schedules).
   */
  schedules?: number | null;
  /** The CLI's --seed N: run seeds N..N+K-1 exactly (reproducing a reported schedule) instead. */
  firstSeed?: number;
  /**
   * Exactly these seeds, in order, instead of exploring (any iterable: a generator may pick the next
   * seed lazily; checking stops at the first failing schedule, so later seeds are never drawn).
   */
  seeds?: Iterable<number>;
  /** Regex sources of harness notes that fail a run (see createScheduleCheck). */
  forbiddenNotes?: readonly string[];
  /** Passed to every run as is (the runner applies its defaults). */
  limits?: RunRequest["limits"];
  /** The exercise's virtual network, passed to every run (absent/null: no host resolves). */
  network?: NetworkSpec | null;
  run: (request: RunRequest) => Promise<RunResult>;
}

/**
 * The schedule loop: explores the program's schedules (lib/grading/explore-schedules.ts: every
 * order when the choice points are few, PCT otherwise) through the injected `run`, so it is
 * testable without a sandbox; checks every run with the pure checker and stops at the first
 * failing schedule — its verdict and trace are what the student needs to see. A run the sandbox
 * could not perform is the infrastructure's failure, never the student's: it throws
 * RetryableGradingError instead of scoring 0.
 */
export async function checkProgram(options: CheckProgramOptions): Promise<ProgramVerdict> {
  const schedules = options.schedules === undefined ? 1 : options.schedules;
  const check = createScheduleCheck(options.spec, { schedules, forbiddenNotes: options.forbiddenNotes });
  const runOnce = async (seed: number) => {
    const run = await runChecked(options, seed);
    return { run, passed: check.add(run) };
  };
  if (options.seeds) return checkWindow(runOnce, check, options.seeds);
  const firstSeed = options.firstSeed ?? 0;
  if (firstSeed > 0) return checkWindow(runOnce, check, seedRange(firstSeed, schedules ?? 1));
  const exploration = await exploreSchedules({
    runOnce,
    report: (checked) => checked.run.schedule,
    failed: (checked) => !checked.passed,
    budget: schedules,
  });
  return check.verdict({
    explored: exploration.distinct,
    complete: exploration.complete,
    strategy: exploration.strategy,
  });
}

async function runChecked(options: CheckProgramOptions, seed: number): Promise<RunResult> {
  const request: RunRequest = { code: options.code, seed };
  if (options.limits) request.limits = options.limits;
  if (options.network) request.network = options.network;
  const run = await options.run(request);
  if (run.status === "sandbox_error") {
    const reason = run.notes.join("; ") || run.error?.message || "unknown error";
    throw new RetryableGradingError(`the sandbox failed on seed ${seed}: ${reason}`);
  }
  return run;
}

/** `--seed N --schedules K`: exactly seeds N..N+K-1, as a reported schedule is reproduced. */
async function checkWindow(
  runOnce: (seed: number) => Promise<{ passed: boolean }>,
  check: ScheduleCheck,
  seeds: Iterable<number>,
): Promise<ProgramVerdict> {
  for (const seed of seeds) if (!(await runOnce(seed)).passed) break;
  return check.verdict();
}

/** Seeds first..first+count-1: seed 0 is CPython's own order, the others are legal reorderings. */
export function* seedRange(first: number, count: number): Generator<number> {
  for (let seed = first; seed < first + count; seed++) yield seed;
}
