import { alignTrace } from "./align-trace";
import { renderMessage } from "./divergence-messages";
import { findLineDivergence } from "./find-divergence";
import { flattenLines, outputLines, toleranceOf } from "./match-line";
import type { ExpectedSpec } from "./spec.types";
import type { ActualLine, CheckableRun, Divergence, MessageParams, Verdict } from "./verdict.types";

/**
 * Checks one run against an expected spec. Pure: the verdict's score rule, divergence order and
 * message codes are documented in docs/expected-trace-format.md.
 */
export function checkTrace(spec: ExpectedSpec, run: CheckableRun): Verdict {
  const actual = outputLines(run.events);
  const flat = flattenLines(spec);
  const tolerance = toleranceOf(spec);
  const alignment = alignTrace(flat, actual, tolerance);
  const constraintFailures = checkConstraints(spec, run, actual);
  const constraintTotal = (spec.status ? 1 : 0) + (spec.finishes ? 1 : 0);
  const lineDivergence = findLineDivergence(spec, actual, run);
  const firstDivergence = lineDivergence ?? constraintFailures[0] ?? null;
  const passed = firstDivergence === null;
  const total = flat.length + constraintTotal;
  const met = alignment.matched + constraintTotal - constraintFailures.length;
  return {
    passed,
    score: scoreOf(passed, met, total),
    checkpoints: { met, total },
    firstDivergence,
    diff: alignment.rows,
  };
}

export function scoreOf(passed: boolean, met: number, total: number): number {
  if (passed) return 100;
  if (total === 0) return 0;
  return Math.min(99, Math.round((100 * met) / total));
}

function constraintDivergence(
  actual: ActualLine[],
  expectedText: string,
  reason: "status" | "total_time",
  params: MessageParams,
  specLine: number,
  run: CheckableRun,
): Divergence {
  const code = reason === "status" ? "trace.status" : "trace.total_time";
  return {
    index: actual.length,
    expectedIndex: null,
    specLine,
    expected: { text: expectedText, specLine },
    actual: {
      text: reason === "status" ? describeStatus(run) : `finished at t=${run.virtualTime}`,
      t: run.virtualTime,
      task: "main",
    },
    reason,
    code,
    params,
    message: renderMessage(code, params),
  };
}

function describeStatus(run: CheckableRun): string {
  if (run.status === "error" && run.error) return `status: error ${run.error.type}`;
  if (run.status === "limit" && run.limit) return `status: limit ${run.limit}`;
  return `status: ${run.status}`;
}

function checkConstraints(spec: ExpectedSpec, run: CheckableRun, actual: ActualLine[]): Divergence[] {
  const failures: Divergence[] = [];
  const status = spec.status;
  if (status) {
    const actualDetail = run.status === "error" ? (run.error?.type ?? null) : run.status === "limit" ? run.limit : null;
    const ok = status.status === run.status && (status.detail === null || status.detail === actualDetail);
    if (!ok) {
      const params: MessageParams = {
        expectedStatus: status.status,
        expectedDetail: status.detail,
        actualStatus: run.status,
        actualDetail,
        errorMessage: run.error?.message ?? null,
        errorLine: run.error?.line ?? null,
        actualT: run.virtualTime,
      };
      const text = `status: ${status.status}${status.detail ? ` ${status.detail}` : ""}`;
      failures.push(constraintDivergence(actual, text, "status", params, status.pos.line, run));
    }
  }
  const finishes = spec.finishes;
  if (finishes) {
    const slack = 1e-9 + (finishes.kind === "at" ? (finishes.tolerance ?? toleranceOf(spec)) : toleranceOf(spec));
    const ok =
      finishes.kind === "by" ? run.virtualTime <= finishes.t + slack : Math.abs(run.virtualTime - finishes.t) <= slack;
    if (!ok) {
      const params: MessageParams = { kind: finishes.kind, expectedT: finishes.t, actualT: run.virtualTime };
      failures.push(
        constraintDivergence(
          actual,
          `finishes ${finishes.kind} t=${finishes.t}`,
          "total_time",
          params,
          finishes.pos.line,
          run,
        ),
      );
    }
  }
  return failures;
}
