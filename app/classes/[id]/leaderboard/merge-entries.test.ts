import { describe, expect, it } from "vitest";
import { mergeEntries } from "@/app/classes/[id]/leaderboard/merge-entries";

const entry = (userId: string, rank: number | null, score: number) => ({
  userId,
  name: userId,
  solved: 0,
  score,
  rank,
});

describe("mergeEntries", () => {
  it("replaces changed rows, adds new ones and re-sorts by rank", () => {
    const merged = mergeEntries(
      [entry("a", 1, 100), entry("b", 2, 50), entry("c", null, 0)],
      [entry("d", null, 0), entry("c", 1, 150), entry("a", 2, 100), entry("b", 3, 50)],
    );
    expect(merged.map((e) => `${e.rank}:${e.userId}`)).toEqual(["1:c", "2:a", "3:b", "null:d"]);
  });
});
