import type { TraceEvent } from "@/lib/run-contract/run-result.types";
import {
  DEFAULT_TIME_TOLERANCE,
  type ExpectedSpec,
  type SpecLine,
  type TaskMatcher,
  type TextMatcher,
  type TimeSpec,
} from "./spec.types";
import type { ActualLine, ActualView, ExpectedView } from "./verdict.types";

/**
 * Line-level predicates shared by the checker, the scorer and the prediction checker.
 * Comparison forgives trailing blanks and CR only (the rule): nothing else unless the
 * spec asks for it with `*`, a regex or `...`.
 */

export function normalizeText(text: string): string {
  return text.replace(/\s+$/u, "");
}

export function outputLines(events: readonly TraceEvent[]): ActualLine[] {
  const lines: ActualLine[] = [];
  for (const event of events) {
    if (event.stream !== "stdout" && event.stream !== "stderr") continue;
    lines.push({
      index: lines.length,
      t: event.t,
      task: event.task,
      stream: event.stream,
      text: normalizeText(event.text),
    });
  }
  return lines;
}

const compiled = new WeakMap<object, RegExp>();

function wholeMatch(matcher: { source: string; flags: string }, value: string): boolean {
  let regex = compiled.get(matcher);
  if (!regex) {
    regex = new RegExp(`^(?:${matcher.source})$`, matcher.flags);
    compiled.set(matcher, regex);
  }
  return regex.test(value);
}

export function textMatches(matcher: TextMatcher, text: string): boolean {
  if (matcher.kind === "any") return true;
  if (matcher.kind === "regex") return wholeMatch(matcher, text);
  return normalizeText(matcher.text) === text;
}

export function taskMatches(matcher: TaskMatcher | null, task: string): boolean {
  if (!matcher || matcher.kind === "any") return true;
  if (matcher.kind === "regex") return wholeMatch(matcher, task);
  return matcher.name === task;
}

// Float noise from summed sleeps (0.1 + 0.2) must never fail an exact-looking `@0.3`.
const EPSILON = 1e-9;

export function timeMatches(time: TimeSpec | null, t: number, defaultTolerance: number): boolean {
  if (!time) return true;
  if (time.kind === "range") return t >= time.from - EPSILON && t <= time.to + EPSILON;
  return Math.abs(t - time.at) <= (time.tolerance ?? defaultTolerance) + EPSILON;
}

/** An expected line with its effective time (its own, else its group's). */
export interface FlatLine {
  line: SpecLine;
  time: TimeSpec | null;
  /** Index of the group among spec items, null for a top-level line. */
  group: number | null;
  /** Position among all expected lines. */
  index: number;
}

export function flattenLines(spec: ExpectedSpec): FlatLine[] {
  const flat: FlatLine[] = [];
  spec.items.forEach((item, itemIndex) => {
    if (item.type === "line") flat.push({ line: item, time: item.time, group: null, index: flat.length });
    if (item.type === "group") {
      for (const line of item.lines)
        flat.push({ line, time: line.time ?? item.time, group: itemIndex, index: flat.length });
    }
  });
  return flat;
}

export function toleranceOf(spec: ExpectedSpec): number {
  return spec.timeTolerance ?? DEFAULT_TIME_TOLERANCE;
}

/** Text and stream agree (the line is "the same words"), whatever the time and task. */
export function sameWords(flat: FlatLine, actual: ActualLine): boolean {
  return flat.line.stream === actual.stream && textMatches(flat.line.text, actual.text);
}

export function fullMatch(flat: FlatLine, actual: ActualLine, tolerance: number): boolean {
  return (
    sameWords(flat, actual) && taskMatches(flat.line.task, actual.task) && timeMatches(flat.time, actual.t, tolerance)
  );
}

export function expectedView(flat: FlatLine): ExpectedView {
  const { line, time } = flat;
  const text =
    line.text.kind === "literal"
      ? line.text.text
      : line.text.kind === "any"
        ? "*"
        : `/${line.text.source}/${line.text.flags}`;
  const view: ExpectedView = { text, specLine: line.pos.line };
  if (time) view.t = time.kind === "point" ? time.at : time.from;
  if (line.task && line.task.kind === "name") view.task = line.task.name;
  if (line.task && line.task.kind === "regex") view.task = `/${line.task.source}/`;
  if (line.stream === "stderr") view.stream = "stderr";
  return view;
}

export function actualView(actual: ActualLine): ActualView {
  const view: ActualView = { text: actual.text, t: actual.t, task: actual.task };
  if (actual.stream === "stderr") view.stream = "stderr";
  return view;
}

/** Latest time the expected line accepts, for "too late" hints. */
export function latestAccepted(time: TimeSpec | null, tolerance: number): number | null {
  if (!time) return null;
  return time.kind === "range" ? time.to : time.at + (time.tolerance ?? tolerance);
}
