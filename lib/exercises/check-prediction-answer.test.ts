import { describe, expect, it } from "vitest";
import { checkPredictionAnswer } from "./check-prediction-answer";

// Two tasks print at t=0 in an order fixed by the ready queue (not by timers), then two lines at
// t=1 whose order a schedule may change: the author kept those in a group.
const spec = `status: ok
finishes by t=1
@0 [Task-1] main: 任务已创建
@0 [Task-2] A 开始
@1 {
  [Task-1] B 结束
  [Task-2] A 结束
}
@1 [Task-1] \\['A', 'B']
`;

describe("checkPredictionAnswer", () => {
  it("passes the exact output, ignoring times, tasks and run constraints", () => {
    const verdict = checkPredictionAnswer({ lines: ["main: 任务已创建", "A 开始", "B 结束", "A 结束", "['A', 'B']"], expectedTrace: spec });
    expect(verdict.passed).toBe(true);
    expect(verdict.score).toBe(100);
  });

  it("keeps the spec's order for ordered same-instant lines", () => {
    const verdict = checkPredictionAnswer({ lines: ["A 开始", "main: 任务已创建", "B 结束", "A 结束", "['A', 'B']"], expectedTrace: spec });
    expect(verdict.passed).toBe(false);
    expect(verdict.firstDivergence?.expectedIndex).toBe(0);
  });

  it("accepts any order inside a group the author kept", () => {
    const verdict = checkPredictionAnswer({ lines: ["main: 任务已创建", "A 开始", "A 结束", "B 结束", "['A', 'B']"], expectedTrace: spec });
    expect(verdict.passed).toBe(true);
  });

  it("fails a missing, an extra or a changed line", () => {
    expect(checkPredictionAnswer({ lines: ["main: 任务已创建", "A 开始", "B 结束", "A 结束"], expectedTrace: spec }).firstDivergence?.reason).toBe("missing");
    expect(checkPredictionAnswer({ lines: ["main: 任务已创建", "A 开始", "B 结束", "A 结束", "['A', 'B']", "done"], expectedTrace: spec }).firstDivergence?.reason).toBe("unexpected");
    expect(checkPredictionAnswer({ lines: ["main: 任务已创建", "A 开始", "B 结束", "A 结束", "['B', 'A']"], expectedTrace: spec }).passed).toBe(false);
  });

  it("ignores trailing blanks like the trace checker", () => {
    expect(checkPredictionAnswer({ lines: ["main: 任务已创建  ", "A 开始", "B 结束", "A 结束", "['A', 'B']\r"], expectedTrace: spec }).passed).toBe(true);
  });
});
