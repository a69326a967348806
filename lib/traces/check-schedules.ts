import { AppError } from "@/lib/errors/app-error";
import type { RunResult } from "@/lib/run-contract/run-result.types";
import { checkTrace, scoreOf } from "./check-trace";
import { renderMessage } from "./divergence-messages";
import { parseSpec } from "./parse-spec";
import type { ExpectedSpec } from "./spec.types";
import type { Divergence, Verdict } from "./verdict.types";

/**
 * Schedule robustness, the pure half: checks the runs of one program under several schedules, one
 * run at a time, and folds them into one verdict that passes only if every schedule passed. Who
 * runs the program (and which seeds it tries) is the caller's business — lib/grading's
 * `checkProgram` drives the sandbox; this module never sees it.
 */
export interface ScheduleOutcome {
  seed: number;
  passed: boolean;
  score: number;
}

export interface ProgramVerdict extends Verdict {
  /** The first seed whose schedule failed, null when all passed. */
  failingSeed: number | null;
  /** The exploration budget asked for (0 when the program's choice points decided). */
  schedules: number;
  /** Distinct schedules explored. */
  explored: number;
  /** Every schedule the harness can vary was explored (and passed, unless failingSeed is set). */
  complete: boolean;
  strategy: ExplorationStrategy;
  /** Seeds actually checked, in order (checking stops at the first failure). */
  outcomes: ScheduleOutcome[];
  /** The failing schedule's run, or the first run when everything passed. */
  run: RunResult;
  /** Any sign of tampering seen in any schedule; grading holds such submissions for review. */
  tamper: { reason: string } | null;
}

export const MAX_SCHEDULES = 50;

/**
 * How the schedules were chosen (lib/grading/explore-schedules.ts): canonical only, the whole
 * choice tree, PCT samples, plain seeds after a run without a choice report, or an explicit window
 * of seeds (`npm run trace -- F --seed N`).
 */
export type ExplorationStrategy = "single" | "exhaustive" | "pct" | "seeds" | "window";

/** What the caller's exploration reports about the schedules it chose. */
export interface ExplorationSummary {
  explored: number;
  complete: boolean;
  strategy: ExplorationStrategy;
}

export interface ScheduleCheckOptions {
  /**
   * The exploration budget (reported in the verdict); 1..MAX_SCHEDULES, or null when the
   * program's choice points decide.
   */
  schedules: number | null;
  /**
   * Regex sources: a run whose harness notes match one fails even when its output is right (e.g.
   * the legacy `@asyncio.coroutine`, which prints the same trace as its async/await conversion).
   */
  forbiddenNotes?: readonly string[];
}

export interface ScheduleCheck {
  /** Checks one more schedule's run; returns false once a schedule failed (stop running more). */
  add(run: RunResult): boolean;
  /** The verdict over the runs added so far (at least one); without a summary: a window of seeds. */
  verdict(summary?: ExplorationSummary): ProgramVerdict;
}

/** Throws SpecParseError for bad spec text and BAD_REQUEST for a schedule count out of range. */
export function createScheduleCheck(spec: ExpectedSpec | string, options: ScheduleCheckOptions): ScheduleCheck {
  const { schedules } = options;
  if (schedules !== null && (!Number.isInteger(schedules) || schedules < 1 || schedules > MAX_SCHEDULES)) {
    throw new AppError("BAD_REQUEST", `schedules must be an integer from 1 to ${MAX_SCHEDULES}`, {
      key: "exercise.schedulesRange",
      params: { max: MAX_SCHEDULES },
    });
  }
  const parsed = typeof spec === "string" ? parseSpec(spec) : spec;
  const outcomes: ScheduleOutcome[] = [];
  let first: { verdict: Verdict; run: RunResult } | null = null;
  let failed: { verdict: Verdict; run: RunResult } | null = null;
  let tamper: { reason: string } | null = null;
  return {
    add(run) {
      if (failed) return false;
      tamper = tamper ?? run.tamper ?? null;
      const verdict = withForbiddenNotes(checkTrace(parsed, run), run, options.forbiddenNotes ?? []);
      outcomes.push({ seed: run.seed, passed: verdict.passed, score: verdict.score });
      first ??= { verdict, run };
      if (!verdict.passed) failed = { verdict, run };
      return failed === null;
    },
    verdict(summary) {
      const shown = failed ?? first;
      if (!shown) throw new AppError("INTERNAL", "no schedule was checked");
      const failingSeed = failed ? failed.run.seed : null;
      const explored = summary ?? { explored: outcomes.length, complete: false, strategy: "window" as const };
      return {
        ...shown.verdict,
        ...explored,
        failingSeed,
        schedules: schedules ?? 0,
        outcomes: [...outcomes],
        run: shown.run,
        tamper,
      };
    },
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
  return {
    ...verdict,
    passed: false,
    score: scoreOf(false, verdict.checkpoints.met, total),
    checkpoints,
    firstDivergence,
  };
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
