import { describe, expect, it } from "vitest";
import { checkPrediction } from "./check-prediction";
import { recordSpec } from "./record-spec";
import { fakeRun } from "./test-fake-run";

const RUN = recordSpec(
  fakeRun([
    [0, "main", "start"],
    [1, "n1", "A"],
    [1, "n2", "B"],
    [2, "main", "end"],
  ]),
).spec;

describe("checkPrediction", () => {
  it("accepts the exact output, ignoring trailing blanks, and same-instant lines of different tasks in any order", () => {
    expect(checkPrediction(["start", "A", "B", "end  "], RUN)).toMatchObject({
      passed: true,
      score: 100,
      feedback: { code: "prediction.correct" },
    });
    expect(checkPrediction(["start", "B", "A", "end"], RUN).passed).toBe(true);
  });

  it("flags a wrong line with what the program prints there", () => {
    const verdict = checkPrediction(["start", "A", "B", "done"], RUN);
    expect(verdict.passed).toBe(false);
    expect(verdict.lines.map((l) => l.status)).toEqual(["correct", "correct", "correct", "wrong"]);
    expect(verdict.lines[3].expected).toBe("end");
    expect(verdict.feedback).toMatchObject({
      code: "prediction.wrong",
      params: { line: 4, predicted: "done", expected: "end" },
    });
    expect(verdict.score).toBe(75);
  });

  it("reports lines out of order across instants, missing and extra lines", () => {
    expect(checkPrediction(["end", "start", "A", "B"], RUN).passed).toBe(false);
    const missing = checkPrediction(["start", "A", "end"], RUN);
    expect(missing.missing).toEqual([{ text: "B", afterLine: 2 }]);
    expect(missing.feedback).toMatchObject({ code: "prediction.missing", params: { line: 3, expected: "B" } });
    const extra = checkPrediction(["start", "A", "B", "end", "bye"], RUN);
    expect(extra.lines[4]).toMatchObject({ status: "extra", text: "bye" });
    expect(extra.feedback.code).toBe("prediction.extra");
  });

  it("is strict about case and leading blanks", () => {
    expect(checkPrediction(["Start", "A", "B", "end"], RUN).passed).toBe(false);
    expect(checkPrediction([" start", "A", "B", "end"], RUN).passed).toBe(false);
  });
});

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

describe("checkPrediction against an exercise spec", () => {
  it("passes the exact output, ignoring times, tasks and run constraints", () => {
    const verdict = checkPrediction(["main: 任务已创建", "A 开始", "B 结束", "A 结束", "['A', 'B']"], spec);
    expect(verdict.passed).toBe(true);
    expect(verdict.score).toBe(100);
  });

  it("keeps the spec's order for ordered same-instant lines", () => {
    const verdict = checkPrediction(["A 开始", "main: 任务已创建", "B 结束", "A 结束", "['A', 'B']"], spec);
    expect(verdict.passed).toBe(false);
    expect(verdict.firstDivergence?.expectedIndex).toBe(0);
  });

  it("accepts any order inside a group the author kept", () => {
    const verdict = checkPrediction(["main: 任务已创建", "A 开始", "A 结束", "B 结束", "['A', 'B']"], spec);
    expect(verdict.passed).toBe(true);
  });

  it("fails a missing, an extra or a changed line", () => {
    expect(checkPrediction(["main: 任务已创建", "A 开始", "B 结束", "A 结束"], spec).firstDivergence?.reason).toBe(
      "missing",
    );
    expect(
      checkPrediction(["main: 任务已创建", "A 开始", "B 结束", "A 结束", "['A', 'B']", "done"], spec).firstDivergence
        ?.reason,
    ).toBe("unexpected");
    expect(checkPrediction(["main: 任务已创建", "A 开始", "B 结束", "A 结束", "['B', 'A']"], spec).passed).toBe(false);
  });

  it("ignores trailing blanks like the trace checker", () => {
    expect(checkPrediction(["main: 任务已创建  ", "A 开始", "B 结束", "A 结束", "['A', 'B']\r"], spec).passed).toBe(
      true,
    );
  });
});
