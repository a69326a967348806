import type { RunResult } from "@/lib/run-contract/run-result.types";

/** What the checker needs from a run (a RunResult, or something shaped like one in tests). */
export type CheckableRun = Pick<RunResult, "status" | "events" | "virtualTime" | "error" | "limit">;

/** An output line of the run, trailing blanks/CR removed; `index` among output lines. */
export interface ActualLine {
  index: number;
  t: number;
  task: string;
  stream: "stdout" | "stderr";
  text: string;
}

/** How an expected line is shown: text is the literal, `/regex/` or `*`. */
export interface ExpectedView {
  text: string;
  t?: number;
  task?: string;
  stream?: "stderr";
  /** Line of the spec file. */
  specLine?: number;
}

export interface ActualView {
  text: string;
  t: number;
  task: string;
  stream?: "stderr";
}

export const DIVERGENCE_REASONS = [
  "missing",
  "unexpected",
  "text",
  "time",
  "task",
  "order",
  "status",
  "total_time",
  "forbidden_note",
] as const;
export type DivergenceReason = (typeof DIVERGENCE_REASONS)[number];

export const MESSAGE_CODES = [
  "trace.missing",
  "trace.missing_after_error",
  "trace.unexpected",
  "trace.text",
  "trace.text_late",
  "trace.order",
  "trace.time_late",
  "trace.time_early",
  "trace.task",
  "trace.status",
  "trace.total_time",
  "trace.forbidden_note",
] as const;
export type MessageCode = (typeof MESSAGE_CODES)[number];

export type MessageParams = Record<string, string | number | null>;

export interface Divergence {
  /** 0-based position in the actual output lines (= output length when the output ended). */
  index: number;
  /** 0-based position in the expected lines (group members counted one by one), null for constraints. */
  expectedIndex: number | null;
  /** Line of the spec file that diverged, when known. */
  specLine: number | null;
  expected: ExpectedView | null;
  actual: ActualView | null;
  reason: DivergenceReason;
  /** Stable key + params so the UI can translate; `message` is the English rendering. */
  code: MessageCode;
  params: MessageParams;
  message: string;
}

export type DiffKind = "same" | "changed" | "missing" | "extra";

export interface DiffRow {
  expected?: ExpectedView;
  actual?: ActualView;
  kind: DiffKind;
}

export interface Verdict {
  passed: boolean;
  /** 0–100: share of checkpoints met in order; 100 only when passed (docs/expected-trace-format.md). */
  score: number;
  checkpoints: { met: number; total: number };
  firstDivergence: Divergence | null;
  diff: DiffRow[];
}
