import { expect, it } from "vitest";
import { groupWrongAnswers } from "./group-wrong-answers";

const divergence = (reason: string, expected: string | null, actual: string | null, t = 1) => ({
  reason,
  message: `${reason} message`,
  expected: expected === null ? null : { text: expected, t: 1, task: "a" },
  actual: actual === null ? null : { text: actual, t, task: "main" },
});

it("groups failed attempts by kind, expected line and printed line, most common first", () => {
  const groups = groupWrongAnswers([
    { submissionId: "s1", userId: "u1", firstDivergence: divergence("order", "done", "start") },
    { submissionId: "s2", userId: "u2", firstDivergence: divergence("order", "done", "start") },
    { submissionId: "s3", userId: "u2", firstDivergence: divergence("order", "done", "start") },
    { submissionId: "s4", userId: "u3", firstDivergence: divergence("missing", "done", null) },
    { submissionId: "s5", userId: "u1", firstDivergence: divergence("time", "done", "done", 2) },
    { submissionId: "s6", userId: "u4", firstDivergence: divergence("time", "done", "done", 3) },
    { submissionId: "s7", userId: "u4", firstDivergence: null },
  ]);
  expect(groups.map((g) => [g.reason, g.count, g.students, g.exampleSubmissionId])).toEqual([
    ["order", 3, 2, "s1"],
    ["missing", 1, 1, "s4"],
    ["time", 1, 1, "s5"],
    ["time", 1, 1, "s6"],
  ]);
  expect(groups[0]).toMatchObject({
    expected: { text: "done", task: "a" },
    actual: { text: "start", task: "main" },
    message: "order message",
  });
});

it("keeps the most common groups only", () => {
  const attempts = ["a", "b", "c"].map((text, i) => ({
    submissionId: `s${i}`,
    userId: "u",
    firstDivergence: divergence("text", "x", text),
  }));
  expect(groupWrongAnswers(attempts, 2)).toHaveLength(2);
});
