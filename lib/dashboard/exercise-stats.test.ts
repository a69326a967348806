import { expect, it } from "vitest";
import { exerciseStats, findStuckStudents, type GradedAttempt } from "./exercise-stats";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));
const attempt = (
  userId: string,
  attemptNumber: number,
  passed: boolean,
  minute = attemptNumber,
  exerciseId = "e1",
): GradedAttempt => ({
  userId,
  exerciseId,
  attemptNumber,
  passed,
  gradedAt: at(minute),
});

it("counts attempted and passed students and the attempts each needed until the first pass", () => {
  const stats = exerciseStats([
    attempt("a", 1, true),
    attempt("a", 2, false), // after the pass: does not change "attempts until pass"
    attempt("b", 1, false),
    attempt("b", 2, false),
    attempt("b", 3, true),
    attempt("c", 1, false),
    ...[1, 2, 3, 4, 5, 6].map((n) => attempt("d", n, n === 6)),
  ]);
  expect(stats).toEqual({
    attempted: 4,
    passed: 3,
    passRate: 0.75,
    submissions: 12,
    attemptsUntilPass: { "1": 1, "2": 0, "3": 1, "4": 0, "5+": 1 },
  });
  expect(exerciseStats([]).passRate).toBe(0);
});

it("finds students with several recent failures and no pass, most failures first", () => {
  const rows = [
    ...[1, 2, 3].map((n) => attempt("stuck", n, false, 50 + n)),
    ...[1, 2, 3, 4].map((n) => attempt("stuck-more", n, false, 50 + n)),
    ...[1, 2, 3].map((n) => attempt("old", n, false, n)), // long ago
    ...[1, 2, 3].map((n) => attempt("passed-later", n, n === 3, 50 + n)),
    ...[1, 2].map((n) => attempt("two", n, false, 50 + n)),
  ];
  const stuck = findStuckStudents(rows, { now: at(55), windowMinutes: 15, minFailures: 3 });
  expect(stuck.map((s) => [s.userId, s.failures])).toEqual([
    ["stuck-more", 4],
    ["stuck", 3],
  ]);
});
