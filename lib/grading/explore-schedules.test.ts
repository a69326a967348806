import { describe, expect, it } from "vitest";
import type { ScheduleReport } from "@/lib/run-contract/run-result.types";
import { decodeSchedule, encodeSchedule, exploreSchedules, PCT_BASE } from "./explore-schedules";

/**
 * A fake program with a dynamic choice tree, decoded exactly as the harness does: point 0 has 3
 * alternatives; point 1 has 2 after alternative 0, else 3. Eight leaves.
 */
function fakeProgram(seed: number, hashed = 0): { taken: number[]; report: ScheduleReport } {
  let rest = seed;
  const points: number[] = [];
  const taken: number[] = [];
  const choose = (arity: number) => {
    points.push(arity);
    const choice = seed >= PCT_BASE ? (seed * 7 + points.length) % arity : rest % arity;
    if (seed < PCT_BASE) rest = Math.floor(rest / arity);
    taken.push(choice);
    return choice;
  };
  const first = choose(3);
  choose(first === 0 ? 2 : 3);
  return {
    taken,
    report: {
      mode: seed === 0 ? "canonical" : "enumerated",
      points,
      taken,
      truncated: false,
      unused: seed < PCT_BASE && rest > 0,
      hashed,
    },
  };
}

const noFailure = () => false;

describe("exploreSchedules", () => {
  it("walks every leaf of a small tree once, each reproducible from its number", async () => {
    const seen: string[] = [];
    const result = await exploreSchedules({
      runOnce: async (seed) => {
        const run = fakeProgram(seed);
        seen.push(run.taken.join(""));
        return run;
      },
      report: (run) => run.report,
      failed: noFailure,
      budget: null,
    });
    expect(result.strategy).toBe("exhaustive");
    expect(result.complete).toBe(true);
    expect(result.distinct).toBe(8);
    expect(new Set(seen).size).toBe(8);
    expect(seen.sort()).toEqual(["00", "01", "10", "11", "12", "20", "21", "22"]);
    for (const { seed, outcome } of result.runs) expect(fakeProgram(seed).taken).toEqual(outcome.taken);
  });

  it("stops at the first failing schedule and names its number", async () => {
    const result = await exploreSchedules({
      runOnce: async (seed) => fakeProgram(seed),
      report: (run) => run.report,
      failed: (run) => run.taken.join("") === "21",
      budget: null,
    });
    expect(result.failing?.seed).toBe(2 + 3 * 1);
    expect(fakeProgram(5).taken).toEqual([2, 1]);
    expect(result.complete).toBe(false);
  });

  it("uses PCT schedules within the budget when the tree is bigger than the budget", async () => {
    const result = await exploreSchedules({
      runOnce: async (seed) => fakeProgram(seed),
      report: (run) => run.report,
      failed: noFailure,
      budget: 4,
    });
    expect(result.strategy).toBe("pct");
    expect(result.complete).toBe(false);
    expect(result.runs.map((run) => run.seed)[0]).toBe(0);
    expect(result.runs).toHaveLength(4);
    expect(result.runs.slice(1).every((run) => run.seed > PCT_BASE)).toBe(true);
  });

  it("is never complete while a set of tasks may iterate in another (random) order", async () => {
    const result = await exploreSchedules({
      runOnce: async (seed) => fakeProgram(seed, 3),
      report: (run) => run.report,
      failed: noFailure,
      budget: 12,
    });
    expect(result.strategy).toBe("exhaustive");
    expect(result.complete).toBe(false);
    expect(result.runs).toHaveLength(12);
  });

  it("runs one schedule for a program without choice points, and falls back to plain seeds without a report", async () => {
    const single = await exploreSchedules({
      runOnce: async () => ({
        report: { mode: "canonical" as const, points: [], taken: [], truncated: false, unused: false, hashed: 0 },
      }),
      report: (run) => run.report,
      failed: noFailure,
      budget: 5,
    });
    expect(single).toMatchObject({ strategy: "single", complete: true, distinct: 1 });
    const blind = await exploreSchedules({
      runOnce: async (seed) => seed,
      report: () => null,
      failed: noFailure,
      budget: 3,
    });
    expect(blind.runs.map((run) => run.seed)).toEqual([0, 1, 2]);
    expect(blind.complete).toBe(false);
  });
});

describe("schedule numbers", () => {
  it("encode and decode as mixed-radix numbers", () => {
    expect(encodeSchedule([1, 0, 2], [2, 3, 4])).toBe(1 + 2 * (0 + 3 * 2));
    expect(decodeSchedule(13, [2, 3, 4])).toEqual([1, 0, 2]);
    expect(encodeSchedule([1, 1], [PCT_BASE, 2])).toBeNull();
  });
});
