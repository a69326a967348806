import { describe, expect, it } from "vitest";
import { pickBestScore } from "@/lib/leaderboard/pick-best-score";

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 9, 0, seconds));

describe("pickBestScore", () => {
  it("is all zeros without graded submissions", () => {
    expect(pickBestScore([])).toEqual({
      bestScore: 0,
      bestSubmissionId: null,
      attempts: 0,
      passedAt: null,
      bestAt: null,
    });
  });

  it("keeps the highest score, and the earliest verdict among equal scores", () => {
    const best = pickBestScore([
      { id: "a", score: 40, passed: false, gradedAt: at(1) },
      { id: "b", score: 100, passed: true, gradedAt: at(9) },
      { id: "c", score: 100, passed: true, gradedAt: at(5) },
      { id: "d", score: 20, passed: false, gradedAt: at(12) },
    ]);
    expect(best).toEqual({ bestScore: 100, bestSubmissionId: "c", attempts: 4, passedAt: at(5), bestAt: at(5) });
  });

  it("has no 'reached at' time for a zero best score", () => {
    expect(pickBestScore([{ id: "a", score: 0, passed: false, gradedAt: at(3) }]).bestAt).toBeNull();
  });
});
