import { AppError } from "@/lib/errors/app-error";
import type { RunRequest, RunResult } from "@/lib/sandbox/run-result.types";
import { checkTrace, scoreOf } from "./check-trace";
import { renderMessage } from "./divergence-messages";
import { parseSpec } from "./parse-spec";
import type { ExpectedSpec } from "./spec.types";
import type { Divergence, Verdict } from "./verdict.types";

/**
 * Schedule robustness: runs the program under seeds 0..K-1 (through the injected `run`, so this
 * stays testable without a sandbox) and passes only if every schedule passes. Stops at the first
 * failing seed: its verdict and trace are what the student needs to see.
 */
export interface CheckProgramOptions {
  code: string;
  /** Parsed spec, or its text (a SpecParseError is thrown for bad text). */
  spec: ExpectedSpec | string;
  /** How many schedules (seeds firstSeed..firstSeed+K-1) must pass; default 1. */
  schedules?: number;
  /** Default 0, i.e. seeds 0..K-1 as exercises require; the CLI's --seed moves the window. */
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
  schedules: number;
  /** Seeds actually run, in order (checking stops at the first failure). */
  outcomes: ScheduleOutcome[];
  /** The failing schedule's run, or seed 0's run when everything passed. */
  run: RunResult;
  /** Any sign of tampering seen in any schedule; grading holds such submissions for review. */
  tamper: { reason: string } | null;
}

export const MAX_SCHEDULES = 50;

export async function checkProgram(options: CheckProgramOptions): Promise<ProgramVerdict> {
  const schedules = options.schedules ?? 1;
  if (!Number.isInteger(schedules) || schedules < 1 || schedules > MAX_SCHEDULES) {
    throw new AppError("BAD_REQUEST", `schedules must be an integer from 1 to ${MAX_SCHEDULES}`);
  }
  const spec = typeof options.spec === "string" ? parseSpec(options.spec) : options.spec;
  const outcomes: ScheduleOutcome[] = [];
  let first: { verdict: Verdict; run: RunResult } | null = null;
  let tamper: { reason: string } | null = null;
  const firstSeed = options.firstSeed ?? 0;
  for (let seed = firstSeed; seed < firstSeed + schedules; seed++) {
    const request: RunRequest = { code: options.code, seed };
    if (options.limits) request.limits = options.limits;
    const run = await options.run(request);
    if (run.status === "sandbox_error") {
      // Not the student's fault: fail loudly so grading retries instead of scoring 0.
      throw new AppError("UNAVAILABLE", `the sandbox failed on seed ${seed}: ${run.notes.join("; ") || run.error?.message || "unknown error"}`);
    }
    tamper = tamper ?? run.tamper ?? null;
    const verdict = withForbiddenNotes(checkTrace(spec, run), run, options.forbiddenNotes ?? []);
    outcomes.push({ seed, passed: verdict.passed, score: verdict.score });
    if (!first) first = { verdict, run };
    if (!verdict.passed) return { ...verdict, failingSeed: seed, schedules, outcomes, run, tamper };
  }
  if (!first) throw new AppError("INTERNAL", "no schedule was run");
  return { ...first.verdict, failingSeed: null, schedules, outcomes, run: first.run, tamper };
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
    outcomes: verdict.outcomes,
    diff: verdict.diff,
  };
}
