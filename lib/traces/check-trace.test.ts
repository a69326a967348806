import { describe, expect, it } from "vitest";
import { checkTrace } from "./check-trace";
import { parseSpec } from "./parse-spec";
import { fakeRun, type FakeLine } from "./test-fake-run";

const CONCURRENT: FakeLine[] = [
  [0, "main", "started"],
  [2, "n1", "任务完成"],
  [2, "n2", "任务完成"],
  [2, "main", "done"],
];
const SPEC = [
  "status: ok",
  "finishes by t=2",
  "@0 [main] started",
  "@2 {",
  "  [n1] 任务完成",
  "  [n2] 任务完成",
  "}",
  "@2 [main] done",
].join("\n");

function check(spec: string, lines: FakeLine[], overrides = {}) {
  return checkTrace(parseSpec(spec), fakeRun(lines, overrides));
}

describe("checkTrace", () => {
  it("passes an exact trace with score 100 and an all-same diff", () => {
    const verdict = check(SPEC, CONCURRENT);
    expect(verdict).toMatchObject({
      passed: true,
      score: 100,
      checkpoints: { met: 6, total: 6 },
      firstDivergence: null,
    });
    expect(verdict.diff.map((r) => r.kind)).toEqual(["same", "same", "same", "same"]);
  });

  it("accepts a same-instant group in any order", () => {
    const swapped: FakeLine[] = [CONCURRENT[0], CONCURRENT[2], CONCURRENT[1], CONCURRENT[3]];
    expect(check(SPEC, swapped).passed).toBe(true);
  });

  it("explains a sequential solution: too late, and finishing at t=4 instead of by t=2", () => {
    const sequential: FakeLine[] = [
      [0, "main", "started"],
      [2, "n1", "任务完成"],
      [4, "n2", "任务完成"],
      [4, "main", "done"],
    ];
    const verdict = check(SPEC, sequential);
    expect(verdict.passed).toBe(false);
    expect(verdict.firstDivergence).toMatchObject({
      reason: "time",
      code: "trace.time_late",
      index: 2,
      expected: { text: "任务完成", t: 2, task: "n2" },
      actual: { t: 4, task: "n2" },
    });
    expect(verdict.firstDivergence?.message).toMatch(/too late.*one after another/);
    expect(verdict.checkpoints).toEqual({ met: 3, total: 6 });
    expect(verdict.score).toBe(50);
    expect(verdict.diff.map((r) => r.kind)).toEqual(["same", "same", "changed", "changed"]);
  });

  it("reports text divergence with a concurrency hint when the line came late", () => {
    const verdict = check("@0 [n1] test\n@2 [n2] done", [
      [2, "n2", "任务完成"],
      [2, "n2", "done"],
    ]);
    expect(verdict.firstDivergence).toMatchObject({ reason: "text", code: "trace.text_late", index: 0 });
    expect(verdict.firstDivergence?.message).toBe(
      "At t=2 the task n2 printed “任务完成” but the expected line was “test” from n1 at t=0 — it came later than expected: your tasks probably ran one after another instead of concurrently.",
    );
  });

  it("tolerates times within the default tolerance and an explicit one", () => {
    expect(check("@2 x", [[2.005, "main", "x"]]).passed).toBe(true);
    expect(check("@2 x", [[2.05, "main", "x"]]).passed).toBe(false);
    expect(check("@2±0.1 x", [[2.05, "main", "x"]]).passed).toBe(true);
    expect(check("time tolerance: 0.1\n@2 x", [[2.05, "main", "x"]]).passed).toBe(true);
    expect(check("@1..3 x", [[2.9, "main", "x"]]).passed).toBe(true);
    expect(check("@2 x", [[1.5, "main", "x"]]).firstDivergence?.code).toBe("trace.time_early");
  });

  it("matches regex and wildcard text, and regex tasks", () => {
    expect(check("[/Task-\\d+/] /<Task .*>/", [[0, "Task-7", "<Task pending>"]]).passed).toBe(true);
    expect(
      check("*\n*", [
        [0, "a", "x"],
        [0, "b", "y"],
      ]).passed,
    ).toBe(true);
    expect(check("/a+/", [[0, "main", "aab"]]).passed).toBe(false);
  });

  it("checks which task printed a line", () => {
    const verdict = check("[n1] hi", [[0, "n2", "hi"]]);
    expect(verdict.firstDivergence).toMatchObject({
      reason: "task",
      code: "trace.task",
      params: { expectedTask: "n1", actualTask: "n2" },
    });
  });

  it("separates stdout from stderr", () => {
    expect(check("stderr: boom", [[0, "main", "boom", "stderr"]]).passed).toBe(true);
    expect(check("boom", [[0, "main", "boom", "stderr"]]).passed).toBe(false);
  });

  it("ignores timeline events", () => {
    expect(
      check("x", [
        [0, "n1", "started", "task_start"],
        [0, "main", "x"],
        [0, "n1", "ended", "task_end"],
      ]).passed,
    ).toBe(true);
  });

  it("forgives trailing blanks and CR only — not leading blanks or case", () => {
    expect(check("hello", [[0, "main", "hello  \r"]]).passed).toBe(true);
    expect(check("hello", [[0, "main", " hello"]]).passed).toBe(false);
    expect(check("hello", [[0, "main", "Hello"]]).passed).toBe(false);
    expect(check("/hello/i", [[0, "main", "Hello"]]).passed).toBe(true);
  });

  it("forbids extra output by default and allows it on request", () => {
    const lines: FakeLine[] = [
      [0, "main", "a"],
      [0, "main", "debug"],
      [0, "main", "b"],
    ];
    const strict = check("a\nb", lines);
    expect(strict.firstDivergence).toMatchObject({ reason: "unexpected", index: 1, actual: { text: "debug" } });
    expect(strict.score).toBe(99);
    expect(check("allow extra output\na\nb", lines).passed).toBe(true);
    expect(check("a\n...\nb", lines).passed).toBe(true);
    expect(
      check("a", [
        [0, "main", "a"],
        [0, "main", "z"],
      ]).firstDivergence?.message,
    ).toMatch(/after all the expected output/);
  });

  it("reports a missing line, a swapped pair and an early end", () => {
    expect(
      check("a\nb\nc", [
        [0, "m", "a"],
        [0, "m", "c"],
      ]).firstDivergence,
    ).toMatchObject({ reason: "missing", index: 1, expected: { text: "b" }, actual: { text: "c" } });
    expect(
      check("a\nb", [
        [0, "m", "b"],
        [0, "m", "a"],
      ]).firstDivergence,
    ).toMatchObject({ reason: "order", index: 0 });
    const late = check("@0 a\n@0 b\n@2 c", [
      [0, "m", "a"],
      [2, "m", "c"],
      [4, "m", "b"],
    ]).firstDivergence;
    expect(late?.message).toBe(
      "At t=2 the task m printed “c”, but “b” at t=0 had not been printed yet — your tasks probably ran one after another instead of concurrently.",
    );
    expect(check("a\nb", [[0, "m", "a"]]).firstDivergence).toMatchObject({ reason: "missing", index: 1, actual: null });
    expect(check("allow extra output\na\nb", [[0, "m", "a"]]).firstDivergence?.message).toMatch(/never appears/);
  });

  it("blames the crash when output stops because of an error", () => {
    const verdict = check("status: ok\na\nb", [[0, "m", "a"]], {
      status: "error",
      error: { type: "TypeError", message: "Passing coroutines is forbidden", line: 7, traceback: "" },
    });
    expect(verdict.firstDivergence).toMatchObject({ reason: "missing", code: "trace.missing_after_error" });
    expect(verdict.firstDivergence?.message).toContain("stopped with TypeError: Passing coroutines is forbidden");
  });

  it("adds a hint when the output itself says a coroutine was never awaited", () => {
    const verdict = check("a", [
      [0, "main", "main.py:8: RuntimeWarning: coroutine 'sleep' was never awaited", "stderr"],
      [0, "main", "a"],
    ]);
    expect(verdict.firstDivergence).toMatchObject({ reason: "unexpected", params: { hint: "never_awaited" } });
    expect(verdict.firstDivergence?.message).toMatch(/never awaited: is an await missing\?$/);
  });

  it("checks the final status", () => {
    const error = { status: "error" as const, error: { type: "TypeError", message: "bad", line: 3, traceback: "" } };
    expect(check("status: error TypeError", [], error).passed).toBe(true);
    expect(check("status: error", [], error).passed).toBe(true);
    expect(check("status: error ValueError", [], error).firstDivergence).toMatchObject({
      reason: "status",
      code: "trace.status",
    });
    const deadlock = check("status: ok", [], { status: "deadlock" });
    expect(deadlock.firstDivergence?.message).toMatch(/deadlocked.*should end with status ok/);
    expect(check("status: limit virtual_time", [], { status: "limit", limit: "virtual_time" }).passed).toBe(true);
    expect(check("status: deadlock", [])).toMatchObject({ passed: false, score: 0 });
  });

  it("checks the total virtual time", () => {
    expect(check("finishes by t=2", [], { virtualTime: 2 }).passed).toBe(true);
    const late = check("finishes by t=2", [], { virtualTime: 4 });
    expect(late.firstDivergence).toMatchObject({ reason: "total_time", params: { expectedT: 2, actualT: 4 } });
    expect(late.firstDivergence?.message).toBe(
      "The program finished at t=4 but must finish by t=2 — the waits added up, so the work did not run concurrently.",
    );
    expect(check("finishes at t=2", [], { virtualTime: 1 }).passed).toBe(false);
    expect(check("finishes at t=2±1", [], { virtualTime: 1 }).passed).toBe(true);
  });

  it("handles duplicate lines in a group", () => {
    const spec = "@1 {\n  [a] x\n  [*] x\n}";
    expect(
      check(spec, [
        [1, "b", "x"],
        [1, "a", "x"],
      ]).passed,
    ).toBe(true);
    expect(
      check(spec, [
        [1, "b", "x"],
        [1, "b", "x"],
      ]).passed,
    ).toBe(false);
  });
});
