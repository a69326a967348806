import { formatSpec } from "./format-spec";
import { outputLines } from "./match-line";
import { TASK_NAME } from "./parse-spec-line";
import type { ExpectedSpec, SpecItem, SpecLine, StatusConstraint, TaskMatcher, TextMatcher } from "./spec.types";
import type { ActualLine, CheckableRun } from "./verdict.types";

/**
 * Proposes an expected spec from a run of the reference solution (the editor's "Record" button and
 * `npm run trace -- FILE.py --record`): every output line with its time and task, same-instant
 * lines of different tasks in an any-order group (a schedule seed may reorder them), the final
 * status and `finishes by` the run's virtual time. The instructor then relaxes it.
 *
 * With `alternatives` (the same program under other seeds, e.g. seeds 1..K-1 of the exercise), a
 * same-instant run is grouped only where those schedules really reordered it, so `done` printed
 * after two tasks finished stays after them instead of joining their any-order group.
 */
export interface RecordOptions {
  alternatives?: readonly CheckableRun[];
}

export function recordSpec(
  run: CheckableRun & { seed?: number },
  options: RecordOptions = {},
): { spec: ExpectedSpec; text: string } {
  const warnings: string[] = [];
  const alternatives = (options.alternatives ?? []).map((other) => outputLines(other.events));
  const spec: ExpectedSpec = {
    items: groupByInstant(outputLines(run.events), alternatives, warnings),
    status: statusOf(run),
    finishes: { kind: "by", t: roundTime(run.virtualTime), pos: NO_POS },
    extraOutput: "forbidden",
    timeTolerance: null,
  };
  const seeds = alternatives.length > 0 ? ` and ${alternatives.length} other schedule(s)` : "";
  const header = [
    `Recorded from a run${run.seed !== undefined ? ` (seed ${run.seed})` : ""}${seeds}.`,
    "Relax it with *, /regex/, ... or “allow extra output” (docs/expected-trace-format.md).",
  ];
  if (run.status === "sandbox_error")
    header.push("WARNING: the sandbox failed, so this run says nothing about the program.");
  header.push(...warnings.map((w) => `WARNING: ${w}`));
  return { spec, text: formatSpec(spec, { header }) };
}

const NO_POS = { line: 0, col: 0 };

// Virtual times are sums of sleeps; six decimals hide float noise and stay far inside the tolerance.
function roundTime(t: number): number {
  return Number(t.toFixed(6));
}

function statusOf(run: CheckableRun): StatusConstraint | null {
  if (run.status === "sandbox_error") return null;
  if (run.status === "error")
    return {
      status: "error",
      detail: run.error?.type && /^[A-Za-z_][\w.]*$/.test(run.error.type) ? run.error.type : null,
      pos: NO_POS,
    };
  if (run.status === "limit") return { status: "limit", detail: run.limit, pos: NO_POS };
  return { status: run.status, detail: null, pos: NO_POS };
}

function groupByInstant(lines: ActualLine[], alternatives: ActualLine[][], warnings: string[]): SpecItem[] {
  const items: SpecItem[] = [];
  for (let i = 0; i < lines.length;) {
    let end = i + 1;
    while (end < lines.length && roundTime(lines[end].t) === roundTime(lines[i].t)) end++;
    const run = lines.slice(i, end);
    const [from, to] = unorderedSpan(run, alternatives, warnings);
    const middle = run.slice(from, to);
    items.push(...run.slice(0, from).map((line) => toSpecLine(line, true)));
    if (middle.length > 1 && new Set(middle.map((line) => line.task)).size > 1) {
      items.push({
        type: "group",
        time: { kind: "point", at: roundTime(run[0].t), tolerance: null },
        lines: middle.map((line) => toSpecLine(line, false)),
        pos: NO_POS,
      });
    } else {
      items.push(...middle.map((line) => toSpecLine(line, true)));
    }
    items.push(...run.slice(to).map((line) => toSpecLine(line, true)));
    i = end;
  }
  return items;
}

const keyOf = (line: ActualLine) => `${line.task}\u0000${line.stream}\u0000${line.text}`;

/**
 * The part [from, to) of a same-instant run whose order the other schedules changed. Without
 * alternatives, or when they printed different lines at this instant, the whole run (the safe choice).
 */
function unorderedSpan(run: ActualLine[], alternatives: ActualLine[][], warnings: string[]): [number, number] {
  if (alternatives.length === 0) return [0, run.length];
  const keys = run.map(keyOf);
  let prefix = run.length;
  let suffix = run.length;
  for (const other of alternatives) {
    const otherKeys = other.filter((line) => roundTime(line.t) === roundTime(run[0].t)).map(keyOf);
    if (otherKeys.length !== keys.length || [...otherKeys].sort().join("\n") !== [...keys].sort().join("\n")) {
      warnings.push(
        `other schedules print different lines at t=${roundTime(run[0].t)}: the reference solution depends on the schedule.`,
      );
      return [0, run.length];
    }
    let p = 0;
    while (p < keys.length && keys[p] === otherKeys[p]) p++;
    if (p === keys.length) continue;
    let q = 0;
    while (q < keys.length - p && keys[keys.length - 1 - q] === otherKeys[keys.length - 1 - q]) q++;
    prefix = Math.min(prefix, p);
    suffix = Math.min(suffix, q);
  }
  if (prefix === run.length) return [run.length, run.length];
  return [prefix, run.length - suffix];
}

function toSpecLine(line: ActualLine, withTime: boolean): SpecLine {
  return {
    type: "line",
    time: withTime ? { kind: "point", at: roundTime(line.t), tolerance: null } : null,
    task: taskMatcherFor(line.task),
    stream: line.stream,
    text: textMatcherFor(line.text),
    pos: NO_POS,
  };
}

const REGEX_SPECIALS = /[.*+?^${}()|[\]\\/]/g;

/** Names the bare `[name]` form cannot hold (blanks, quotes) become an exact regex. */
function taskMatcherFor(task: string): TaskMatcher {
  if (TASK_NAME.test(task)) return { kind: "name", name: task };
  return { kind: "regex", source: task.replace(REGEX_SPECIALS, "\\$&"), flags: "" };
}

// Raw addresses differ between runs; the harness masks most, this catches any that slip through.
const ADDRESS = /0x[0-9a-fA-F]{4,}/g;

export function textMatcherFor(text: string): TextMatcher {
  if (!ADDRESS.test(text)) return { kind: "literal", text };
  ADDRESS.lastIndex = 0;
  const source = text
    .split(ADDRESS)
    .map((part) => part.replace(REGEX_SPECIALS, "\\$&"))
    .join("0x[0-9a-fA-F]+");
  return { kind: "regex", source, flags: "" };
}
