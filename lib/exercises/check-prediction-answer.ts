import { checkTrace } from "@/lib/traces/check-trace";
import { parseSpec } from "@/lib/traces/parse-spec";
import type { ExpectedSpec, SpecItem, SpecLine } from "@/lib/traces/spec.types";
import type { CheckableRun, Verdict } from "@/lib/traces/verdict.types";

/**
 * Checks a predict-output answer against the exercise's expected trace (which the library test
 * proves its program.py satisfies), so a live quiz needs no sandbox run per student.
 *
 * Only the printed text and its order count: times, tasks and whole-run constraints are dropped.
 * Unlike lib/traces' checkPrediction, which re-records the run and lets every same-instant line of
 * different tasks come in any order, the order here is the spec's: a quiz about *when* a new task
 * starts (14-predict-create-task-vs-await) is exactly about the order of same-instant lines.
 * Groups the author kept in the spec stay any-order.
 */
export function checkPredictionAnswer({ lines, expectedTrace }: { lines: readonly string[]; expectedTrace: ExpectedSpec | string }): Verdict {
  const spec = typeof expectedTrace === "string" ? parseSpec(expectedTrace) : expectedTrace;
  return checkTrace(toPredictionSpec(spec), predictionRun(lines));
}

export function toPredictionSpec(spec: ExpectedSpec): ExpectedSpec {
  const strip = (line: SpecLine): SpecLine => ({ ...line, time: null, task: null, stream: "stdout" });
  const items: SpecItem[] = spec.items.map((item) => {
    if (item.type === "line") return strip(item);
    if (item.type === "group") return { ...item, time: null, lines: item.lines.map(strip) };
    return item;
  });
  return { items, status: null, finishes: null, extraOutput: "forbidden", timeTolerance: null };
}

/** The student's lines as a run: one task, all at t=0, on stdout (predictions do not name stderr). */
function predictionRun(lines: readonly string[]): CheckableRun {
  return {
    status: "ok",
    virtualTime: 0,
    error: null,
    limit: null,
    events: lines.map((text) => ({ t: 0, task: "student", stream: "stdout" as const, text })),
  };
}
