import { AppError } from "@/lib/errors/app-error";
import { exploreSchedules, type ExplorationStrategy } from "@/lib/grading/explore-schedules";
import type { RunRequest, RunResult } from "@/lib/sandbox/run-result.types";
import { checkTrace, scoreOf } from "./check-trace";
import { renderMessage } from "./divergence-messages";
import { parseSpec } from "./parse-spec";
import type { ExpectedSpec } from "./spec.types";
import type { Divergence, Verdict } from "./verdict.types";

/**
 * Schedule robustness: explores the program's schedules (lib/grading/explore-schedules.ts: every
 * order when the choice points are few, PCT otherwise; through the injected `run`, so this stays
 * testable without a sandbox) and passes only if every explored schedule passes. Stops at the first
 * failing schedule: its verdict and trace are what the student needs to see.
 */
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
   * Regex sources: a run whose harness notes match one fails even when its output is right (e.g.
   * the legacy `@asyncio.coroutine`, which prints the same trace as its async/await conversion).
   */
  forbiddenNotes?: readonly string[];
  /** Passed to every run as is (the runner applies its defaults). */
  limits?: RunRequest["limits"];
  run: (request: RunRequest) => Promise<RunResult>;
}

export interface ScheduleOutcome {
  seed: number;
  passed: boolean;
  score: number;
}

export interface ProgramVerdict extends Verdict {
  /** The first seed whose schedule failed, null when all passed. */
  failingSeed: number | null;
  /** The budget asked for (0 when the program's choice points decided). */
  schedules: number;
  /** Distinct schedules explored. */
  explored: number;
  /** Every schedule the harness can vary was explored (and passed, unless failingSeed is set). */
  complete: boolean;
  strategy: ExplorationStrategy | "window";
  /** Seeds actually run, in order (checking stops at the first failure). */
  outcomes: ScheduleOutcome[];
  /** The failing schedule's run, or seed 0's run when everything passed. */
  run: RunResult;
  /** Any sign of tampering seen in any schedule; grading holds such submissions for review. */
  tamper: { reason: string } | null;
}

export const MAX_SCHEDULES = 50;

export async function checkProgram(options: CheckProgramOptions): Promise<ProgramVerdict> {
  const schedules = options.schedules === undefined ? 1 : options.schedules;
  if (schedules !== null && (!Number.isInteger(schedules) || schedules < 1 || schedules > MAX_SCHEDULES)) {
    throw new AppError("BAD_REQUEST", `schedules must be an integer from 1 to ${MAX_SCHEDULES}`);
  }
  const spec = typeof options.spec === "string" ? parseSpec(options.spec) : options.spec;
  const forbidden = options.forbiddenNotes ?? [];
  const runOnce = async (seed: number): Promise<Checked> => {
    const request: RunRequest = { code: options.code, seed };
    if (options.limits) request.limits = options.limits;
    const run = await options.run(request);
    if (run.status === "sandbox_error") {
      // Not the student's fault: fail loudly so grading retries instead of scoring 0.
      throw new AppError("UNAVAILABLE", `the sandbox failed on seed ${seed}: ${run.notes.join("; ") || run.error?.message || "unknown error"}`);
    }
    return { run, verdict: withForbiddenNotes(checkTrace(spec, run), run, forbidden) };
  };
  const firstSeed = options.firstSeed ?? 0;
  if (firstSeed > 0) return checkWindow(runOnce, firstSeed, schedules ?? 1);
  const exploration = await exploreSchedules({
    runOnce,
    report: (checked) => checked.run.schedule,
    failed: (checked) => !checked.verdict.passed,
    budget: schedules,
  });
  const runs = exploration.runs;
  const shown = exploration.failing ?? runs[0];
  if (!shown) throw new AppError("INTERNAL", "no schedule was run");
  return {
    ...shown.outcome.verdict,
    failingSeed: exploration.failing ? exploration.failing.seed : null,
    schedules: schedules ?? 0,
    explored: exploration.distinct,
    complete: exploration.complete,
    strategy: exploration.strategy,
    outcomes: runs.map(({ seed, outcome }) => ({ seed, passed: outcome.verdict.passed, score: outcome.verdict.score })),
    run: shown.outcome.run,
    tamper: runs.map(({ outcome }) => outcome.run.tamper).find((tamper) => tamper) ?? null,
  };
}

interface Checked {
  run: RunResult;
  verdict: Verdict;
}

/** `--seed N --schedules K`: exactly seeds N..N+K-1, as a reported schedule is reproduced. */
async function checkWindow(runOnce: (seed: number) => Promise<Checked>, firstSeed: number, schedules: number): Promise<ProgramVerdict> {
  const outcomes: ScheduleOutcome[] = [];
  let first: Checked | null = null;
  let tamper: { reason: string } | null = null;
  for (let seed = firstSeed; seed < firstSeed + schedules; seed++) {
    const checked = await runOnce(seed);
    const { verdict, run } = checked;
    tamper = tamper ?? run.tamper ?? null;
    outcomes.push({ seed, passed: verdict.passed, score: verdict.score });
    first = first ?? checked;
    const common = { schedules, explored: outcomes.length, complete: false, strategy: "window" as const, outcomes, tamper };
    if (!verdict.passed) return { ...verdict, ...common, failingSeed: seed, run };
  }
  if (!first) throw new AppError("INTERNAL", "no schedule was run");
  return { ...first.verdict, schedules, explored: outcomes.length, complete: false, strategy: "window", failingSeed: null, outcomes, run: first.run, tamper };
}

/** A passing trace still fails when the run carries a note the exercise forbids. */
export function withForbiddenNotes(verdict: Verdict, run: RunResult, patterns: readonly string[]): Verdict {
  if (!verdict.passed || patterns.length === 0) return verdict;
  const regexes = patterns.map((source) => new RegExp(source, "u"));
  const note = run.notes.find((text) => regexes.some((regex) => regex.test(text)));
  if (note === undefined) return verdict;
  const output = run.events.filter((event) => event.stream === "stdout" || event.stream === "stderr").length;
  const params = { note };
  const firstDivergence: Divergence = {
    index: output,
    expectedIndex: null,
    specLine: null,
    expected: null,
    actual: { text: note, t: run.virtualTime, task: "main" },
    reason: "forbidden_note",
    code: "trace.forbidden_note",
    params,
    message: renderMessage("trace.forbidden_note", params),
  };
  const total = verdict.checkpoints.total + 1;
  return { ...verdict, passed: false, score: scoreOf(false, verdict.checkpoints.met, total), checkpoints: { met: verdict.checkpoints.met, total }, firstDivergence };
}

/** The verdict object of `npm run trace -- FILE.py --expect SPEC --json` (issue 4). */
export function toJsonVerdict(verdict: ProgramVerdict) {
  return {
    passed: verdict.passed,
    score: verdict.score,
    firstDivergence: verdict.firstDivergence,
    failingSeed: verdict.failingSeed,
    checkpoints: verdict.checkpoints,
    schedules: verdict.schedules,
    explored: verdict.explored,
    complete: verdict.complete,
    strategy: verdict.strategy,
    outcomes: verdict.outcomes,
    diff: verdict.diff,
  };
}
