import { describe, expect, it } from "vitest";
import { checkTrace } from "./check-trace";
import { formatSpec } from "./format-spec";
import { parseSpec } from "./parse-spec";
import { recordSpec } from "./record-spec";
import type { ExpectedSpec } from "./spec.types";
import { fakeRun } from "./test-fake-run";

/** Positions differ after reformatting; everything else must survive. */
function withoutPositions(spec: ExpectedSpec): unknown {
  return JSON.parse(JSON.stringify(spec, (key, value) => (key === "pos" ? undefined : value)));
}

describe("recordSpec", () => {
  it("records times, tasks, an any-order group for same-instant lines of different tasks, status and end time", () => {
    const run = fakeRun(
      [
        [0, "main", "started"],
        [1e-9 + 2, "n1", "任务完成"],
        [2, "n2", "任务完成"],
        [3, "main", "a"],
        [3, "main", "b"],
      ],
      { virtualTime: 3.0000000001 },
    );
    expect(recordSpec({ ...run, seed: 1 }).text).toBe(
      [
        "# Recorded from a run (seed 1).",
        "# Relax it with *, /regex/, ... or “allow extra output” (docs/expected-trace-format.md).",
        "status: ok",
        "finishes by t=3",
        "no extra output",
        "",
        "@0 [main] started",
        "@2 {",
        "  [n1] 任务完成",
        "  [n2] 任务完成",
        "}",
        "@3 [main] a",
        "@3 [main] b",
        "",
      ].join("\n"),
    );
  });

  it("with other schedules, groups only the lines those schedules reordered", () => {
    const seed0 = fakeRun([
      [0, "main", "go"],
      [2, "n1", "a"],
      [2, "n2", "b"],
      [2, "n3", "c"],
      [2, "main", "done"],
    ]);
    const seed1 = fakeRun([
      [0, "main", "go"],
      [2, "n2", "b"],
      [2, "n1", "a"],
      [2, "n3", "c"],
      [2, "main", "done"],
    ]);
    const { text } = recordSpec(seed0, { alternatives: [seed1, seed0] });
    expect(text).toContain("@0 [main] go\n@2 {\n  [n1] a\n  [n2] b\n}\n@2 [n3] c\n@2 [main] done\n");
    expect(checkTrace(parseSpec(text), seed1).passed).toBe(true);
    expect(recordSpec(seed0, { alternatives: [seed0] }).text).not.toContain("{");
    const racy = recordSpec(seed0, {
      alternatives: [
        fakeRun([
          [0, "main", "go"],
          [2, "n1", "a"],
          [2, "n2", "b"],
          [2, "n3", "c"],
          [2, "main", "oops"],
        ]),
      ],
    });
    expect(racy.text).toContain("# WARNING: other schedules print different lines at t=2");
    expect(racy.text).toContain("@2 {\n  [n1] a\n  [n2] b\n  [n3] c\n  [main] done\n}");
  });

  it("records error type and limit kind", () => {
    const error = fakeRun([], { status: "error", error: { type: "TypeError", message: "x", line: 1, traceback: "" } });
    expect(recordSpec(error).text).toContain("status: error TypeError\n");
    expect(recordSpec(fakeRun([], { status: "limit", limit: "steps" })).text).toContain("status: limit steps\n");
    expect(recordSpec(fakeRun([], { status: "deadlock" })).text).toContain("status: deadlock\n");
  });

  it("escapes printed text that looks like syntax and masks raw addresses", () => {
    const tricky = [
      "# hash",
      "status: ok",
      "*",
      "...",
      "{",
      "}",
      "[1, 2]",
      "[x] y",
      "  lead",
      "",
      "/path",
      '"q"',
      "@home",
      "stderr: x",
      "tail  ",
      "a\tb",
    ];
    const run = fakeRun([
      ...tricky.map((text): [number, string, string] => [0, "main", text]),
      [0, "main", "<Future at 0x7f3a2b1c>"],
      [1, "my task", "odd name"],
    ]);
    const { text } = recordSpec(run);
    expect(text).toContain("@0 [main] /<Future at 0x[0-9a-fA-F]+>/\n@1 [/my task/] odd name\n");
    const spec = parseSpec(text);
    expect(spec.items).toHaveLength(tricky.length + 2);
    expect(checkTrace(spec, run).passed).toBe(true);
    expect(
      checkTrace(
        spec,
        fakeRun([
          ...tricky.map((t): [number, string, string] => [0, "main", t]),
          [0, "main", "<Future at 0x55d0>"],
          [1, "my task", "odd name"],
        ]),
      ).passed,
    ).toBe(true);
  });
});

describe("formatSpec", () => {
  it("round-trips a hand-written spec through canonical text", () => {
    const source = [
      "status: error TypeError",
      "finishes at t=2±0.5",
      "allow extra output",
      "time tolerance: 0.05",
      "@0 [main] stderr: warn",
      "[/Task-\\d+/] /x[/]y/i",
      "@1.5..3 {",
      "  [n1] \\{",
      '  @2±0.1 [*] "  spaced"',
      "}",
      "...",
      "*",
      '""',
    ].join("\n");
    const spec = parseSpec(source);
    const canonical = formatSpec(spec);
    expect(withoutPositions(parseSpec(canonical))).toEqual(withoutPositions(spec));
    expect(formatSpec(parseSpec(canonical))).toBe(canonical);
  });
});
