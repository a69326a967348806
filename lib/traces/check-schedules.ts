import type { RunResult } from "@/lib/run-contract/run-result.types";
import { checkTrace, scoreOf } from "./check-trace";
import { renderMessage } from "./divergence-messages";
import type { ExpectedSpec } from "./spec.types";
import type { Divergence, Verdict } from "./verdict.types";

/**
 * Schedule robustness, the pure half: checks each run of one program (`checkRun`) and folds the
 * checked runs into one verdict that passes only if every schedule passed (`foldSchedules`). Who
 * runs the program and which schedules it explores is the caller's business — lib/grading's
 * `checkProgram` drives the sandbox and the exploration; this module never sees either.
 */
export interface ScheduleOutcome {
  seed: number;
  passed: boolean;
  score: number;
}

/** How the schedules were chosen (lib/grading/explore-schedules.ts; "window": the CLI's --seed N). */
export type ScheduleStrategy = "single" | "exhaustive" | "pct" | "seeds" | "window";

export interface ProgramVerdict extends Verdict {
  /** The first seed whose schedule failed, null when all passed. */
  failingSeed: number | null;
  /** The budget asked for (0 when the program's choice points decided). */
  schedules: number;
  /** Distinct schedules explored. */
  explored: number;
  /** Every schedule the harness can vary was explored (and passed, unless failingSeed is set). */
  complete: boolean;
  strategy: ScheduleStrategy;
  /** Seeds actually run, in order (checking stops at the first failure). */
  outcomes: ScheduleOutcome[];
  /** The failing schedule's run, or the first run when everything passed. */
  run: RunResult;
  /** Any sign of tampering seen in any schedule; grading holds such submissions for review. */
  tamper: { reason: string } | null;
}

export const MAX_SCHEDULES = 50;

/** One schedule's run and its verdict. */
export interface CheckedRun {
  run: RunResult;
  verdict: Verdict;
}

/** One run against the spec; `forbiddenNotes` are regex sources of harness notes that fail it. */
export function checkRun(spec: ExpectedSpec, run: RunResult, forbiddenNotes: readonly string[] = []): CheckedRun {
  return { run, verdict: withForbiddenNotes(checkTrace(spec, run), run, forbiddenNotes) };
}

export interface ScheduleFold {
  /** Every checked run in the order it ran (at least one). */
  runs: { seed: number; checked: CheckedRun }[];
  schedules: number;
  explored: number;
  complete: boolean;
  strategy: ScheduleStrategy;
}

/** The verdict over several schedules: the first failing one is shown, else the first run. */
export function foldSchedules(fold: ScheduleFold): ProgramVerdict {
  const failing = fold.runs.find(({ checked }) => !checked.verdict.passed) ?? null;
  const shown = failing ?? fold.runs[0];
  if (!shown) throw new Error("foldSchedules needs at least one run");
  return {
    ...shown.checked.verdict,
    failingSeed: failing ? failing.seed : null,
    schedules: fold.schedules,
    explored: fold.explored,
    complete: fold.complete,
    strategy: fold.strategy,
    outcomes: fold.runs.map(({ seed, checked }) => ({ seed, passed: checked.verdict.passed, score: checked.verdict.score })),
    run: shown.checked.run,
    tamper: fold.runs.map(({ checked }) => checked.run.tamper).find((tamper) => tamper) ?? null,
  };
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
  const checkpoints = { met: verdict.checkpoints.met, total };
  return { ...verdict, passed: false, score: scoreOf(false, verdict.checkpoints.met, total), checkpoints, firstDivergence };
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
