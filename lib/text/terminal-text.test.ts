import { describe, expect, it } from "vitest";
import { displayWidth, escapeControlCharacters } from "./terminal-text";

describe("terminal text", () => {
  it("counts CJK characters as two columns", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("任务1")).toBe(5);
    expect(displayWidth("")).toBe(0);
  });

  it("escapes control characters but keeps tab and newline", () => {
    expect(escapeControlCharacters("a\u001b[2Jb\u0007")).toBe("a\\x1b[2Jb\\x07");
    expect(escapeControlCharacters("a\tb\nc\u007f")).toBe("a\tb\nc\\x7f");
  });
});
