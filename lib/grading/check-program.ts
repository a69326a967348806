import { AppError } from "@/lib/errors/app-error";
import type { RunRequest, RunResult } from "@/lib/run-contract/run-result.types";
import { checkRun, foldSchedules, MAX_SCHEDULES, type CheckedRun, type ProgramVerdict } from "@/lib/traces/check-schedules";
import { parseSpec } from "@/lib/traces/parse-spec";
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
  /** Regex sources of harness notes that fail a run (see lib/traces/check-schedules.ts). */
  forbiddenNotes?: readonly string[];
  /** Passed to every run as is (the runner applies its defaults). */
  limits?: RunRequest["limits"];
  run: (request: RunRequest) => Promise<RunResult>;
}

/**
 * The schedule loop: runs the program under the schedules the strategy picks — systematic
 * exploration (lib/grading/explore-schedules.ts: every order when the choice points are few, PCT
 * otherwise) or, with `firstSeed`, exactly seeds N..N+K-1 — through the injected `run` (testable
 * without a sandbox), checks every run with the pure checker (lib/traces) and stops at the first
 * failing schedule: its verdict and trace are what the student needs to see. A run the sandbox
 * could not perform is the infrastructure's failure, never the student's: RetryableGradingError.
 */
export async function checkProgram(options: CheckProgramOptions): Promise<ProgramVerdict> {
  const schedules = options.schedules === undefined ? 1 : options.schedules;
  if (schedules !== null && (!Number.isInteger(schedules) || schedules < 1 || schedules > MAX_SCHEDULES)) {
    throw new AppError("BAD_REQUEST", `schedules must be an integer from 1 to ${MAX_SCHEDULES}`);
  }
  const spec = typeof options.spec === "string" ? parseSpec(options.spec) : options.spec;
  const runOnce = async (seed: number): Promise<CheckedRun> => {
    const request: RunRequest = { code: options.code, seed };
    if (options.limits) request.limits = options.limits;
    const run = await options.run(request);
    if (run.status === "sandbox_error") {
      const reason = run.notes.join("; ") || run.error?.message || "unknown error";
      throw new RetryableGradingError(`the sandbox failed on seed ${seed}: ${reason}`);
    }
    return checkRun(spec, run, options.forbiddenNotes ?? []);
  };
  const firstSeed = options.firstSeed ?? 0;
  if (firstSeed > 0) return checkWindow(runOnce, firstSeed, schedules ?? 1);
  const exploration = await exploreSchedules({
    runOnce,
    report: (checked) => checked.run.schedule,
    failed: (checked) => !checked.verdict.passed,
    budget: schedules,
  });
  return foldSchedules({
    runs: exploration.runs.map(({ seed, outcome }) => ({ seed, checked: outcome })),
    schedules: schedules ?? 0,
    explored: exploration.distinct,
    complete: exploration.complete,
    strategy: exploration.strategy,
  });
}

/** `--seed N --schedules K`: exactly seeds N..N+K-1, as a reported schedule is reproduced. */
async function checkWindow(runOnce: (seed: number) => Promise<CheckedRun>, firstSeed: number, schedules: number): Promise<ProgramVerdict> {
  const runs: { seed: number; checked: CheckedRun }[] = [];
  for (let seed = firstSeed; seed < firstSeed + schedules; seed++) {
    const checked = await runOnce(seed);
    runs.push({ seed, checked });
    if (!checked.verdict.passed) break;
  }
  return foldSchedules({ runs, schedules, explored: runs.length, complete: false, strategy: "window" });
}
