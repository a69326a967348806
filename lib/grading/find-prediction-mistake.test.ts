import { describe, expect, it } from "vitest";
import { findPredictionMistake } from "./find-prediction-mistake";

const extras = {
  answer: { lines: ["a", "b"], wrongPredictions: [{ lines: ["b", "a"], mistake: { en: "Order.", zh: "顺序。" } }] },
};

describe("findPredictionMistake", () => {
  it("returns the author's explanation for a known wrong prediction, ignoring trailing blanks", () => {
    expect(findPredictionMistake(["b  ", "a", ""], extras)).toEqual({ en: "Order.", zh: "顺序。" });
  });

  it("returns null for other predictions and for extras without an answer", () => {
    expect(findPredictionMistake(["a", "b"], extras)).toBeNull();
    expect(findPredictionMistake(["b", "a"], { wrongSolutions: [] })).toBeNull();
    expect(findPredictionMistake(["b", "a"], null)).toBeNull();
  });
});
