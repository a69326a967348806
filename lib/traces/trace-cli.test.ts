import { describe, expect, it } from "vitest";
import { createScheduleCheck } from "./check-schedules";
import { formatVerdictReport, splitTraceCheckArgs, verdictExitCode, verdictJson } from "./trace-cli";
import { fakeRun } from "./test-fake-run";

describe("splitTraceCheckArgs", () => {
  it("takes the checker's flags out and leaves the rest for the sandbox's parser", () => {
    expect(splitTraceCheckArgs(["a.py", "--expect", "s.trace", "--schedules=3", "--json", "--seed", "2"])).toEqual({
      ok: true,
      check: { record: false, expect: "s.trace", schedules: 3 },
      rest: ["a.py", "--json", "--seed", "2"],
    });
    expect(splitTraceCheckArgs(["a.py", "--record"])).toMatchObject({
      ok: true,
      check: { record: true, expect: null, schedules: 1 },
      rest: ["a.py"],
    });
  });

  it("rejects bad combinations and values", () => {
    expect(splitTraceCheckArgs(["a.py", "--expect"])).toMatchObject({ ok: false });
    expect(splitTraceCheckArgs(["a.py", "--expect", "s", "--schedules", "0"])).toMatchObject({
      ok: false,
      message: expect.stringContaining("positive integer"),
    });
    expect(splitTraceCheckArgs(["a.py", "--record", "--expect", "s"])).toMatchObject({ ok: false });
    expect(splitTraceCheckArgs(["a.py", "--schedules", "2"])).toMatchObject({ ok: false });
    expect(splitTraceCheckArgs(["a.py", "--record", "--schedules", "2"])).toMatchObject({
      ok: true,
      check: { record: true, schedules: 2 },
    });
  });
});

describe("verdict output", () => {
  it("prints JSON with the verdict, a readable report with the diff, and exits 1 on failure", () => {
    const check = createScheduleCheck("finishes by t=2\n@0 [main] start\n@2 [n1] 任务完成", { schedules: 1 });
    check.add(
      fakeRun(
        [
          [0, "main", "start"],
          [4, "n1", "任务完成"],
        ],
        { virtualTime: 4 },
      ),
    );
    const verdict = check.verdict();
    const json = verdictJson(verdict);
    expect(json).toMatchObject({
      status: "ok",
      virtualTime: 4,
      verdict: { passed: false, failingSeed: 0, firstDivergence: { reason: "time" } },
    });
    expect(JSON.parse(JSON.stringify(json)).events).toHaveLength(2);
    const report = formatVerdictReport(verdict);
    expect(report).toContain("FAIL  score 33, 1/3 checkpoints, failing seed 0");
    expect(report).toContain("first divergence [time] (spec line 3)");
    expect(report).toMatch(/\n~ @2 \[n1\] 任务完成\s+\| 4\.000 n1 任务完成/);
    expect(verdictExitCode(verdict)).toBe(1);
  });
});
