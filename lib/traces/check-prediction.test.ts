import { describe, expect, it } from "vitest";
import { checkPrediction } from "./check-prediction";
import { fakeRun } from "./test-fake-run";

const RUN = fakeRun([
  [0, "main", "start"],
  [1, "n1", "A"],
  [1, "n2", "B"],
  [2, "main", "end"],
]);

describe("checkPrediction", () => {
  it("accepts the exact output, ignoring trailing blanks, and same-instant lines of different tasks in any order", () => {
    expect(checkPrediction(["start", "A", "B", "end  "], RUN)).toMatchObject({ passed: true, score: 100, feedback: { code: "prediction.correct" } });
    expect(checkPrediction(["start", "B", "A", "end"], RUN).passed).toBe(true);
  });

  it("flags a wrong line with what the program prints there", () => {
    const verdict = checkPrediction(["start", "A", "B", "done"], RUN);
    expect(verdict.passed).toBe(false);
    expect(verdict.lines.map((l) => l.status)).toEqual(["correct", "correct", "correct", "wrong"]);
    expect(verdict.lines[3].expected).toBe("end");
    expect(verdict.feedback).toMatchObject({ code: "prediction.wrong", params: { line: 4, predicted: "done", expected: "end" } });
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
