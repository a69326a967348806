import type { ScheduleReport } from "@/lib/run-contract/run-result.types";
import type { ExplorationStrategy as CheckStrategy } from "@/lib/traces/check-schedules";

/**
 * Systematic schedule exploration (issue 16). Every run reports the choice points it met (orders
 * CPython leaves open, see lib/sandbox/python/interleave/schedule.py) and every schedule is one
 * number, so a failing schedule is reproducible with `npm run trace -- F --seed N`:
 *
 * - 0 is CPython's canonical order;
 * - 1 .. PCT_BASE-1 are enumerated schedules: the mixed-radix number of the alternatives taken,
 *   digit i having the arity of choice point i. When the choice tree is small it is walked depth
 *   first (stateless model checking, as Loom and Shuttle do for Rust) and the result is complete;
 * - PCT_BASE + k·PCT_K_STEP + i are PCT schedules (random priorities, d - 1 = 2 change points
 *   among the first k choice points): a bug of depth 3 is found with probability >= 1/(n·k²) per
 *   run. Used when the tree is bigger than the budget.
 *
 * Pure: the caller runs and judges each schedule; exploration stops at the first failure.
 */
export const PCT_BASE = 1_000_000_000;
export const PCT_K_STEP = 100_000;
/** Enumerate exhaustively when the choice tree has at most this many leaves (exercise default). */
export const EXHAUSTIVE_BOUND = 64;
/** PCT runs when an exercise sets no budget and the tree is too big to enumerate. */
export const AUTO_PCT_SCHEDULES = 16;

/** The strategies exploration itself picks (a window of seeds is the caller's choice). */
export type ExplorationStrategy = Exclude<CheckStrategy, "window">;

export interface ExploreOptions<T> {
  runOnce: (seed: number) => Promise<T>;
  report: (outcome: T) => ScheduleReport | null | undefined;
  failed: (outcome: T) => boolean;
  /** Most schedules to run; null lets the program's choice points decide (up to EXHAUSTIVE_BOUND). */
  budget: number | null;
}

export interface Exploration<T> {
  strategy: ExplorationStrategy;
  /** Every order the harness can vary was covered (no random hash order left, tree enumerated). */
  complete: boolean;
  /** Distinct schedules among the runs (PCT may draw the same one twice). */
  distinct: number;
  runs: { seed: number; outcome: T }[];
  failing: { seed: number; outcome: T } | null;
}

interface Pending {
  choices: number[];
  arities: number[];
}

export async function exploreSchedules<T>(options: ExploreOptions<T>): Promise<Exploration<T>> {
  const state = new ExplorationState(options);
  const first = await state.run(0);
  const report = options.report(first);
  if (state.failing) return state.result("single", false);
  if (!report) {
    // No choice points reported (the run crashed or hit a limit first): plain seeds 1..K-1.
    for (let seed = 1; seed < (options.budget ?? 1) && !state.failing; seed++) await state.run(seed);
    return state.result("seeds", false);
  }
  const varies = report.points.length > 0 || report.hashed >= 2;
  if (!varies) return state.result("single", true);
  const budget = options.budget ?? EXHAUSTIVE_BOUND;
  if (!report.truncated && leavesAlongPath(report.points) <= budget) {
    const enumerated = await enumerate(state, report, budget);
    if (state.failing) return state.result("exhaustive", false);
    // Set order of tasks/futures is random under every seed: use the rest of the budget on it.
    if (report.hashed < 2) return state.result("exhaustive", enumerated);
    await pct(state, report, options.budget ?? AUTO_PCT_SCHEDULES);
    return state.result(report.points.length > 0 ? "exhaustive" : "pct", false);
  }
  await pct(state, report, options.budget ?? AUTO_PCT_SCHEDULES);
  return state.result("pct", false);
}

/** Depth-first walk of the choice tree; true when every leaf was run within the budget. */
async function enumerate<T>(state: ExplorationState<T>, root: ScheduleReport, budget: number): Promise<boolean> {
  const stack: Pending[] = children({ choices: [], arities: [] }, root).reverse();
  let complete = true;
  while (stack.length > 0) {
    if (state.runs.length >= budget) return false;
    const next = stack.pop() as Pending;
    const seed = encodeSchedule(next.choices, next.arities);
    if (seed === null) {
      complete = false;
      continue;
    }
    const outcome = await state.run(seed);
    if (state.failing) return false;
    const report = state.options.report(outcome);
    if (!report || report.truncated || report.unused || !extends_(report.points, next.arities)) {
      complete = false; // the program did not replay the same prefix: nondeterminism we cannot walk
      continue;
    }
    stack.push(...children(next, report).reverse());
  }
  return complete;
}

/** Schedules branching off a run's path after its fixed prefix (one per other alternative). */
function children(prefix: Pending, report: ScheduleReport): Pending[] {
  const result: Pending[] = [];
  for (let i = prefix.choices.length; i < report.points.length; i++) {
    const arity = report.points[i] as number;
    const zeros = new Array<number>(i - prefix.choices.length).fill(0);
    for (let c = 1; c < arity; c++) {
      result.push({ choices: [...prefix.choices, ...zeros, c], arities: report.points.slice(0, i + 1) });
    }
  }
  return result;
}

async function pct<T>(state: ExplorationState<T>, report: ScheduleReport, budget: number): Promise<void> {
  const k = Math.min(Math.max(report.points.length, 1), PCT_K_STEP - 1);
  for (let i = 1; state.runs.length < budget && i < PCT_K_STEP; i++) {
    await state.run(pctSeed(k, i));
    if (state.failing) return;
  }
}

export function pctSeed(k: number, i: number): number {
  return PCT_BASE + k * PCT_K_STEP + i;
}

/** The schedule number of a choice sequence (null when it does not fit below PCT_BASE). */
export function encodeSchedule(choices: readonly number[], arities: readonly number[]): number | null {
  let seed = 0;
  let weight = 1;
  for (let i = 0; i < choices.length; i++) {
    seed += (choices[i] as number) * weight;
    weight *= arities[i] as number;
    if (seed >= PCT_BASE) return null;
  }
  return seed;
}

/** The alternatives a schedule number takes, given the arities of the points it meets. */
export function decodeSchedule(seed: number, arities: readonly number[]): number[] {
  const choices: number[] = [];
  let rest = seed;
  for (const arity of arities) {
    choices.push(rest % arity);
    rest = Math.floor(rest / arity);
  }
  return choices;
}

/** Leaves of the tree if every branch met the same points as this path (the sizing estimate). */
export function leavesAlongPath(points: readonly number[]): number {
  let leaves = 1;
  for (const arity of points) {
    leaves *= arity;
    if (leaves > Number.MAX_SAFE_INTEGER / 1024) return Infinity;
  }
  return leaves;
}

function extends_(points: readonly number[], prefix: readonly number[]): boolean {
  return prefix.every((arity, i) => points[i] === arity);
}

class ExplorationState<T> {
  runs: { seed: number; outcome: T }[] = [];
  failing: { seed: number; outcome: T } | null = null;
  private signatures = new Set<string>();

  constructor(readonly options: ExploreOptions<T>) {}

  async run(seed: number): Promise<T> {
    const outcome = await this.options.runOnce(seed);
    this.runs.push({ seed, outcome });
    const report = this.options.report(outcome);
    // Same alternatives = same schedule, unless task hashes (random per seed) may order a set.
    const signature = report && report.hashed < 2 && !report.truncated ? report.taken.join(",") : `seed:${seed}`;
    this.signatures.add(signature);
    if (!this.failing && this.options.failed(outcome)) this.failing = { seed, outcome };
    return outcome;
  }

  result(strategy: ExplorationStrategy, complete: boolean): Exploration<T> {
    return { strategy, complete, distinct: this.signatures.size, runs: this.runs, failing: this.failing };
  }
}
