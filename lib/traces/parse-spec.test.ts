import { describe, expect, it } from "vitest";
import { parseSpec } from "./parse-spec";
import { SpecParseError, type SpecLine } from "./spec.types";

function firstLine(source: string): SpecLine {
  const item = parseSpec(source).items[0];
  if (item.type !== "line") throw new Error(`expected a line, got ${item.type}`);
  return item;
}

function parseError(source: string): SpecParseError {
  try {
    parseSpec(source);
  } catch (error) {
    if (error instanceof SpecParseError) return error;
    throw error;
  }
  throw new Error("expected a parse error");
}

describe("parseSpec", () => {
  it("parses the issue's example with directives, times, tasks and a group", () => {
    const spec = parseSpec(
      [
        "# comment",
        "status: error TypeError",
        "finishes by t=2",
        "allow extra output",
        "time tolerance: 0.1",
        "@0 [main] started",
        "@2 {",
        "  [n1] 任务完成",
        "  [n2] 任务完成",
        "}",
        "...",
      ].join("\n"),
    );
    expect(spec.status).toMatchObject({ status: "error", detail: "TypeError" });
    expect(spec.finishes).toMatchObject({ kind: "by", t: 2 });
    expect(spec.extraOutput).toBe("allowed");
    expect(spec.timeTolerance).toBe(0.1);
    expect(spec.items.map((i) => i.type)).toEqual(["line", "group", "skip"]);
    const group = spec.items[1];
    if (group.type !== "group") throw new Error("group expected");
    expect(group.time).toEqual({ kind: "point", at: 2, tolerance: null });
    expect(group.lines.map((l) => [l.task, l.text])).toEqual([
      [
        { kind: "name", name: "n1" },
        { kind: "literal", text: "任务完成" },
      ],
      [
        { kind: "name", name: "n2" },
        { kind: "literal", text: "任务完成" },
      ],
    ]);
  });

  it("reads every time form", () => {
    expect(firstLine("@2 x").time).toEqual({ kind: "point", at: 2, tolerance: null });
    expect(firstLine("@2±0.1 x").time).toEqual({ kind: "point", at: 2, tolerance: 0.1 });
    expect(firstLine("@2+-0.25 x").time).toEqual({ kind: "point", at: 2, tolerance: 0.25 });
    expect(firstLine("@1.5..3 x").time).toEqual({ kind: "range", from: 1.5, to: 3 });
  });

  it("reads text forms: wildcard, regex, JSON string, backslash escape", () => {
    expect(firstLine("*").text).toEqual({ kind: "any" });
    expect(firstLine("[n1] /Task-\\d+ done/i").text).toEqual({ kind: "regex", source: "Task-\\d+ done", flags: "i" });
    expect(firstLine('"  indented"').text).toEqual({ kind: "literal", text: "  indented" });
    expect(firstLine('""').text).toEqual({ kind: "literal", text: "" });
    expect(firstLine("\\# not a comment").text).toEqual({ kind: "literal", text: "# not a comment" });
    expect(firstLine("\\status: ok").text).toEqual({ kind: "literal", text: "status: ok" });
    expect(firstLine("\\{").text).toEqual({ kind: "literal", text: "{" });
  });

  it("reads task forms and stderr, and treats non-name brackets as text", () => {
    expect(firstLine("[/Task-\\d+/] hi").task).toEqual({ kind: "regex", source: "Task-\\d+", flags: "" });
    expect(firstLine("[*] hi").task).toEqual({ kind: "any" });
    const err = firstLine("@0 [main] stderr: boom");
    expect([err.stream, err.task, err.text]).toEqual([
      "stderr",
      { kind: "name", name: "main" },
      { kind: "literal", text: "boom" },
    ]);
    expect(firstLine("[1, 2, 3]")).toMatchObject({ task: null, text: { kind: "literal", text: "[1, 2, 3]" } });
    expect(firstLine("{'a': 1}").text).toEqual({ kind: "literal", text: "{'a': 1}" });
  });

  it("accepts CRLF and trims trailing blanks", () => {
    expect(parseSpec("@1 [n1] hi   \r\n@2 [n2] yo\r\n").items).toHaveLength(2);
    expect(firstLine("hi   ").text).toEqual({ kind: "literal", text: "hi" });
  });

  it.each([
    ["@2 {\n  [n1] a", 1, 4, "unclosed group"],
    ["{\n  {\n", 2, 3, "groups cannot be nested"],
    ["a\n}", 2, 1, "without an open group"],
    ["{\n}", 2, 1, "empty group"],
    ["{\n  status: ok\n}", 2, 3, "directives are not allowed inside a group"],
    ["{\n  ...\n}", 2, 3, "not allowed inside a group"],
    ["@x hello", 1, 1, "bad time"],
    ["@3..1 hello", 1, 6, "empty time range"],
    ["[n1] /abc", 1, 6, "unclosed regular expression"],
    ["/a(/", 1, 1, "invalid regular expression"],
    ["/abc/ tail", 1, 7, "text after the regular expression"],
    ["/abc/g", 1, 6, "unsupported regex flags"],
    ['"unterminated', 1, 1, "bad quoted text"],
    ["@1 [n1]", 1, 8, "expected the printed text"],
    ["@1 @2 x", 1, 4, "at most one time"],
    ["[n1] [n2] x", 1, 6, "at most one task"],
    ["@1 ...", 1, 4, "cannot have a time"],
    ["status: done", 1, 8, "unknown status"],
    ["status: ok please", 1, 12, "takes no detail"],
    ["status: limit forever", 1, 15, "unknown limit"],
    ["finishes by tomorrow", 1, 10, "bad “finishes”"],
    ["finishes by t=2±0.1", 1, 16, "takes no tolerance"],
    ["status: ok\nstatus: error", 2, 1, "given twice"],
    ["no extra output\nallow extra output", 2, 1, "given twice"],
    ["time tolerance: lots", 1, 16, "bad time tolerance"],
  ])("rejects %j at line %i col %i (%s)", (source, line, col, problem) => {
    const error = parseError(source);
    expect(error.message).toContain(problem);
    expect([error.line, error.col]).toEqual([line, col]);
    expect(error.message).toMatch(new RegExp(`^line ${line}, col ${col}: `));
  });

  it("gives a hint that says how to escape printed text", () => {
    expect(parseError("status: done").hint).toContain("\\status: done");
    expect(parseError("@1 [x]").hint).toContain("\\[x]");
  });
});
