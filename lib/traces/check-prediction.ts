import { checkTrace } from "./check-trace";
import { normalizeText } from "./match-line";
import { parseSpec } from "./parse-spec";
import type { ExpectedSpec, SpecItem, SpecLine } from "./spec.types";
import type { CheckableRun, DiffRow, Divergence, MessageParams } from "./verdict.types";

/**
 * Predict-the-output (the live-quiz format): the lines a student predicted vs the exercise's
 * expected trace (which the library test proves its program satisfies), so a quiz needs no sandbox
 * run per student. Only the printed text and its order count: times, tasks and whole-run
 * constraints are dropped. The order is the spec's — a quiz about *when* a new task starts is
 * exactly about the order of same-instant lines — and groups the author kept stay any-order.
 * Callers holding only a run pass `recordSpec(run).spec`.
 */
export type PredictionLineStatus = "correct" | "wrong" | "extra";

export interface PredictionLine {
  /** 0-based index in the student's lines. */
  index: number;
  text: string;
  status: PredictionLineStatus;
  /** For "wrong": the line the real output has at this point. */
  expected?: string;
}

export interface PredictionFeedback {
  code: "prediction.correct" | "prediction.wrong" | "prediction.extra" | "prediction.missing";
  params: MessageParams;
  message: string;
}

export interface PredictionVerdict {
  passed: boolean;
  score: number;
  checkpoints: { met: number; total: number };
  lines: PredictionLine[];
  /** Real output lines the student left out, with how many predicted lines come before each. */
  missing: { text: string; afterLine: number }[];
  feedback: PredictionFeedback;
  /** The checker's first divergence (the student's lines are the "actual" side). */
  firstDivergence: Divergence | null;
  diff: DiffRow[];
}

export function checkPrediction(studentLines: readonly string[], expected: ExpectedSpec | string): PredictionVerdict {
  const spec = toPredictionSpec(typeof expected === "string" ? parseSpec(expected) : expected);
  const prediction: CheckableRun = {
    status: "ok",
    virtualTime: 0,
    error: null,
    limit: null,
    events: studentLines.map((text) => ({ t: 0, task: "student", stream: "stdout" as const, text })),
  };
  const verdict = checkTrace(spec, prediction);
  const lines: PredictionLine[] = [];
  const missing: { text: string; afterLine: number }[] = [];
  for (const row of verdict.diff) {
    if (row.kind === "missing" && row.expected) missing.push({ text: row.expected.text, afterLine: lines.length });
    if (!row.actual) continue;
    const status: PredictionLineStatus = row.kind === "same" ? "correct" : row.kind === "changed" ? "wrong" : "extra";
    const line: PredictionLine = { index: lines.length, text: normalizeText(row.actual.text), status };
    if (row.kind === "changed" && row.expected) line.expected = row.expected.text;
    lines.push(line);
  }
  return {
    passed: verdict.passed,
    score: verdict.score,
    checkpoints: verdict.checkpoints,
    lines,
    missing,
    feedback: feedbackFor(verdict.passed, lines, missing),
    firstDivergence: verdict.firstDivergence,
    diff: verdict.diff,
  };
}

/** Only the printed text counts: no times, no tasks, no streams, no whole-run constraints. */
export function toPredictionSpec(recorded: ExpectedSpec): ExpectedSpec {
  const strip = (line: SpecLine): SpecLine => ({ ...line, time: null, task: null, stream: "stdout" });
  const items: SpecItem[] = recorded.items.map((item) =>
    item.type === "line"
      ? strip(item)
      : item.type === "group"
        ? { ...item, time: null, lines: item.lines.map(strip) }
        : item,
  );
  return { items, status: null, finishes: null, extraOutput: "forbidden", timeTolerance: null };
}

function feedbackFor(
  passed: boolean,
  lines: PredictionLine[],
  missing: { text: string; afterLine: number }[],
): PredictionFeedback {
  if (passed)
    return {
      code: "prediction.correct",
      params: { count: lines.length },
      message: "Correct: that is exactly what the program prints.",
    };
  const wrong = lines.find((l) => l.status !== "correct");
  const firstMissing = missing[0];
  if (wrong && (!firstMissing || wrong.index < firstMissing.afterLine || wrong.status === "wrong")) {
    if (wrong.status === "wrong") {
      const params = { line: wrong.index + 1, predicted: wrong.text, expected: wrong.expected ?? "" };
      return {
        code: "prediction.wrong",
        params,
        message: `Line ${params.line}: you predicted “${params.predicted}” but the program prints “${params.expected}” there.`,
      };
    }
    const params = { line: wrong.index + 1, predicted: wrong.text };
    return {
      code: "prediction.extra",
      params,
      message: `Line ${params.line}: the program does not print “${params.predicted}” at this point.`,
    };
  }
  const params = { line: firstMissing.afterLine + 1, expected: firstMissing.text };
  return {
    code: "prediction.missing",
    params,
    message: `Line ${params.line}: the program also prints “${params.expected}” here.`,
  };
}
