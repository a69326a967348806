/**
 * AST of the expected-trace format (docs/expected-trace-format.md).
 * Produced by `parseSpec`, printed back by `formatSpec`, consumed by `checkTrace`.
 */

/** Where a node came from in the spec text (1-based), for error messages and editor highlights. */
export interface SpecPosition {
  line: number;
  col: number;
}

export type TextMatcher =
  { kind: "literal"; text: string } | { kind: "regex"; source: string; flags: string } | { kind: "any" };

export type TaskMatcher =
  { kind: "name"; name: string } | { kind: "regex"; source: string; flags: string } | { kind: "any" };

export type TimeSpec =
  /** `@2` (tolerance null = the spec's default) or `@2±0.1`. */
  | { kind: "point"; at: number; tolerance: number | null }
  /** `@1.5..3`, inclusive. */
  | { kind: "range"; from: number; to: number };

export type OutputStream = "stdout" | "stderr";

export interface SpecLine {
  type: "line";
  time: TimeSpec | null;
  task: TaskMatcher | null;
  stream: OutputStream;
  text: TextMatcher;
  pos: SpecPosition;
}

export interface SpecGroup {
  type: "group";
  /** Applies to members without a time of their own. */
  time: TimeSpec | null;
  lines: SpecLine[];
  pos: SpecPosition;
}

/** `...`: any number of actual lines may appear here. */
export interface SpecSkip {
  type: "skip";
  pos: SpecPosition;
}

export type SpecItem = SpecLine | SpecGroup | SpecSkip;

export const EXPECTED_STATUSES = ["ok", "error", "deadlock", "limit"] as const;
export type ExpectedStatus = (typeof EXPECTED_STATUSES)[number];

export interface StatusConstraint {
  status: ExpectedStatus;
  /** Exception type for `error`, limit kind for `limit`; null = any. */
  detail: string | null;
  pos: SpecPosition;
}

export type FinishConstraint =
  { kind: "by"; t: number; pos: SpecPosition } | { kind: "at"; t: number; tolerance: number | null; pos: SpecPosition };

export interface ExpectedSpec {
  items: SpecItem[];
  status: StatusConstraint | null;
  finishes: FinishConstraint | null;
  /** "forbidden" unless the spec says `allow extra output`. */
  extraOutput: "forbidden" | "allowed";
  /** `time tolerance: X`; null = DEFAULT_TIME_TOLERANCE. */
  timeTolerance: number | null;
}

export const DEFAULT_TIME_TOLERANCE = 0.01;

export class SpecParseError extends Error {
  readonly line: number;
  readonly col: number;
  readonly hint: string | null;

  constructor(line: number, col: number, problem: string, hint: string | null = null) {
    super(`line ${line}, col ${col}: ${problem}${hint ? ` — ${hint}` : ""}`);
    this.name = "SpecParseError";
    this.line = line;
    this.col = col;
    this.hint = hint;
  }
}
