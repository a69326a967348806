import { describe, expect, it } from "vitest";
import { formatTraceListing } from "./format-trace-listing";
import type { RunResult } from "@/lib/run-contract/run-result.types";

const result: RunResult = {
  status: "ok",
  events: [
    { t: 0, task: "n1", stream: "task_start", text: "func" },
    { t: 2, task: "n1", stream: "stdout", text: "任务完成" },
    { t: 2, task: "main", stream: "stderr", text: "warn\u001b[2J" },
  ],
  virtualTime: 2,
  error: null,
  limit: null,
  wallMs: 12.34,
  seed: 0,
  tamper: null,
  deadlock: null,
  notes: [],
};

describe("formatTraceListing", () => {
  it("aligns time and task, hides timeline events and escapes control characters", () => {
    expect(formatTraceListing(result).split("\n")).toEqual([
      "  2.000  n1        任务完成",
      "  2.000  main      [stderr] warn\\x1b[2J",
      "-- status ok, virtual time 2.000 s, wall 12.3 ms, seed 0",
    ]);
  });

  it("shows timeline events on request", () => {
    expect(formatTraceListing(result, { timeline: true }).split("\n")[0]).toBe("  0.000  n1        [task_start] func");
  });
});
