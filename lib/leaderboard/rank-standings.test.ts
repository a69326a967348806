import { describe, expect, it } from "vitest";
import { computeStandings, rankStandings } from "@/lib/leaderboard/rank-standings";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 9, minute));

const data = {
  students: [
    { userId: "ada", name: "Ada", alias: null },
    { userId: "bo", name: "Bo Real", alias: "Rocket" },
    { userId: "cy", name: "Cy", alias: "  " },
    { userId: "di", name: "Di", alias: null },
  ],
  exercises: [
    { id: "e1", points: 100 },
    { id: "e2", points: 50 },
  ],
  scores: [
    { userId: "ada", exerciseId: "e1", bestScore: 100, passedAt: at(5), bestAt: at(5) },
    { userId: "ada", exerciseId: "e2", bestScore: 50, passedAt: null, bestAt: at(9) },
    { userId: "bo", exerciseId: "e1", bestScore: 100, passedAt: at(2), bestAt: at(2) },
    { userId: "bo", exerciseId: "e2", bestScore: 50, passedAt: null, bestAt: at(7) },
    { userId: "cy", exerciseId: "e2", bestScore: 100, passedAt: at(1), bestAt: at(1) },
    // An exercise that does not count (a draft) and a student who left are ignored.
    { userId: "cy", exerciseId: "draft", bestScore: 100, passedAt: at(1), bestAt: at(1) },
    { userId: "gone", exerciseId: "e1", bestScore: 100, passedAt: at(1), bestAt: at(1) },
  ],
};

describe("the leaderboard rule", () => {
  it("sums best score × points / 100 and counts passed exercises", () => {
    const standings = computeStandings(data);
    expect(standings.find((s) => s.userId === "ada")).toMatchObject({
      score: 125,
      solved: 1,
      reachedAt: at(9).getTime(),
    });
    expect(standings.find((s) => s.userId === "cy")).toMatchObject({ name: "Cy", score: 50, solved: 1 });
    expect(standings.find((s) => s.userId === "di")).toMatchObject({ score: 0, solved: 0, reachedAt: null });
  });

  it("breaks a tie by who reached the total first, shows aliases, and leaves zeros unranked", () => {
    expect(rankStandings(computeStandings(data))).toEqual([
      { userId: "bo", name: "Rocket", solved: 1, score: 125, rank: 1 },
      { userId: "ada", name: "Ada", solved: 1, score: 125, rank: 2 },
      { userId: "cy", name: "Cy", solved: 1, score: 50, rank: 3 },
      { userId: "di", name: "Di", solved: 0, score: 0, rank: null },
    ]);
  });

  it("gives an exact tie the first place of its group and skips the next (1, 2, 2, 4)", () => {
    const tie = [
      { userId: "d", name: "D", solved: 1, score: 5, reachedAt: 9 },
      { userId: "b", name: "B", solved: 1, score: 10, reachedAt: 5 },
      { userId: "a", name: "A", solved: 2, score: 20, reachedAt: 7 },
      { userId: "c", name: "C", solved: 1, score: 10, reachedAt: 5 },
      { userId: "e", name: "E", solved: 0, score: 0, reachedAt: null },
      { userId: "f", name: "F", solved: 0, score: 0, reachedAt: null },
    ];
    expect(rankStandings(tie).map((entry) => [entry.userId, entry.rank])).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 2],
      ["d", 4],
      ["e", null],
      ["f", null],
    ]);
  });

  it("ranks nobody at the start of a class (everyone on 0)", () => {
    const start = ["a", "b", "c"].map((userId) => ({ userId, name: userId, solved: 0, score: 0, reachedAt: null }));
    expect(rankStandings(start).map((entry) => entry.rank)).toEqual([null, null, null]);
  });

  it("rounds to one decimal", () => {
    const odd = computeStandings({
      students: [{ userId: "a", name: "A", alias: null }],
      exercises: [{ id: "e", points: 30 }],
      scores: [{ userId: "a", exerciseId: "e", bestScore: 66.6667, passedAt: null, bestAt: at(1) }],
    });
    expect(odd[0].score).toBe(20);
  });
});
