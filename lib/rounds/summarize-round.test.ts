import { describe, expect, it } from "vitest";
import type { RoundSubmissionRow } from "@/lib/db/live-rounds";
import { rankRoundEntries, summarizeRound } from "@/lib/rounds/summarize-round";

const start = new Date(Date.UTC(2026, 0, 1, 9, 0, 0));
const after = (seconds: number) => new Date(start.getTime() + seconds * 1000);
let n = 0;
function row(
  userId: string,
  seconds: number,
  outcome: "pass" | "fail" | "queued",
  score = outcome === "pass" ? 100 : 40,
  firstDivergence: unknown = null,
): RoundSubmissionRow {
  n += 1;
  return {
    id: `s${n}`,
    userId,
    status: outcome === "queued" ? "queued" : outcome === "pass" ? "passed" : "failed",
    passed: outcome === "queued" ? null : outcome === "pass",
    score: outcome === "queued" ? null : score,
    queuedAt: after(seconds),
    firstDivergence,
  };
}

const wrong = (text: string) => ({
  index: 2,
  expectedIndex: 2,
  reason: "text",
  code: "trace.text",
  params: { expected: "B done", actual: text },
  message: `expected "B done"`,
  actual: { text },
});

const rows = [
  row("ann", 5, "fail", 40, wrong("A done")),
  row("ann", 20, "pass"),
  row("ann", 40, "pass"), // a later pass earns less: the best (first) counts
  row("ben", 10, "pass"),
  row("cat", 12, "fail", 60, wrong("A done")),
  row("dan", 15, "fail", 10, wrong("A done")),
  row("eve", 50, "queued"),
];
const names = new Map([
  ["ann", "Ann"],
  ["ben", "Ben"],
  ["cat", "Cat"],
  ["dan", "Dan"],
  ["eve", "Eve"],
]);

describe("a round's ranking", () => {
  it("scores each student's first passing answer with the round rule and ranks by points", () => {
    const entries = rankRoundEntries(rows, { startsAt: start, durationSeconds: 60 }, names);
    expect(entries.map((e) => [e.name, e.points, e.rank])).toEqual([
      ["Ben", 917, 1],
      ["Ann", 833, 2],
      ["Cat", 0, 3],
      ["Dan", 0, 4],
      ["Eve", 0, 5],
    ]);
    expect(entries[1].answeredAt).toBe(after(20).toISOString());
  });
});

describe("a round's statistics", () => {
  it("counts students per outcome and per score band", () => {
    const stats = summarizeRound(rows, { revealDetails: true });
    expect(stats).toMatchObject({ answered: 5, passed: 2, failed: 2, pending: 1 });
    expect(stats.distribution).toEqual([
      { band: "0", students: 1 },
      { band: "25", students: 0 },
      { band: "50", students: 1 },
      { band: "75", students: 0 },
      { band: "100", students: 2 },
    ]);
  });

  it("finds the most common wrong first divergence among students who have not passed", () => {
    const stats = summarizeRound(rows, { revealDetails: true });
    expect(stats.commonDivergence).toEqual({
      count: 2,
      line: 3,
      reason: "text",
      code: "trace.text",
      params: { expected: "B done", actual: "A done" },
      message: `expected "B done"`,
    });
  });

  it("withholds what the divergence says (the expected line) until the round ends", () => {
    expect(summarizeRound(rows, { revealDetails: false }).commonDivergence).toEqual({
      count: 2,
      line: 3,
      reason: "text",
      code: null,
      params: null,
      message: null,
    });
  });
});
