import {
  SpecParseError,
  type OutputStream,
  type SpecLine,
  type TaskMatcher,
  type TextMatcher,
  type TimeSpec,
} from "./spec.types";

/**
 * Parsing of one expected line: `@TIME [TASK] stderr: TEXT` (docs/expected-trace-format.md).
 * Columns are 1-based and point into the original spec line so errors can be shown in the editor.
 */

const NUMBER = String.raw`\d+(?:\.\d+)?`;
const TIME_TOKEN = new RegExp(String.raw`^@(${NUMBER})(?:(?:±|\+-)(${NUMBER})|\.\.(${NUMBER}))?(?=\s|$)`);
/** Bare task names: what asyncio/greenlet/thread names look like; anything else is text. */
export const TASK_NAME = /^[A-Za-z_][^\s[\]'",]*$/;
const REGEX_FLAGS = /^[isu]*$/;

export interface Cursor {
  lineNo: number;
  text: string;
  /** 0-based index into `text`. */
  at: number;
}

export function parseTimeAt(cursor: Cursor): TimeSpec {
  const match = TIME_TOKEN.exec(cursor.text.slice(cursor.at));
  if (!match) {
    throw new SpecParseError(
      cursor.lineNo,
      cursor.at + 1,
      "bad time after “@”",
      "write @2, @2±0.1, @2+-0.1 or @1.5..3; to print a literal “@”, start the line with \\@",
    );
  }
  cursor.at += match[0].length;
  const at = Number(match[1]);
  if (match[3] !== undefined) {
    const to = Number(match[3]);
    if (to < at)
      throw new SpecParseError(
        cursor.lineNo,
        cursor.at + 1,
        `empty time range @${at}..${to}`,
        "the range must go from low to high",
      );
    return { kind: "range", from: at, to };
  }
  return { kind: "point", at, tolerance: match[2] === undefined ? null : Number(match[2]) };
}

/** Scans `/source/flags` starting at the opening slash; respects `\/` and `[...]` classes. */
export function scanRegex(cursor: Cursor): { source: string; flags: string } {
  const start = cursor.at;
  let i = start + 1;
  let inClass = false;
  for (; i < cursor.text.length; i++) {
    const ch = cursor.text[i];
    if (ch === "\\") i++;
    else if (ch === "[") inClass = true;
    else if (ch === "]") inClass = false;
    else if (ch === "/" && !inClass) break;
  }
  if (i >= cursor.text.length) {
    throw new SpecParseError(
      cursor.lineNo,
      start + 1,
      "unclosed regular expression “/”",
      "end it with / (a printed line starting with / is written \\/...)",
    );
  }
  const source = cursor.text.slice(start + 1, i);
  const flagMatch = /^[A-Za-z]*/.exec(cursor.text.slice(i + 1));
  const flags = flagMatch ? flagMatch[0] : "";
  if (!REGEX_FLAGS.test(flags)) {
    throw new SpecParseError(
      cursor.lineNo,
      i + 2,
      `unsupported regex flags “${flags}”`,
      "allowed flags are i, s and u",
    );
  }
  try {
    new RegExp(source, flags);
  } catch (error) {
    const reason = error instanceof Error ? error.message : "invalid";
    throw new SpecParseError(cursor.lineNo, start + 1, `invalid regular expression: ${reason}`);
  }
  cursor.at = i + 1 + flags.length;
  return { source, flags };
}

/** Returns null when the brackets do not hold a task (then the line is text, e.g. `[1, 2]`). */
function tryParseTask(cursor: Cursor): TaskMatcher | null {
  const rest = cursor.text.slice(cursor.at);
  if (rest.startsWith("[/")) {
    const inner: Cursor = { ...cursor, at: cursor.at + 1 };
    const regex = scanRegex(inner);
    if (inner.text[inner.at] !== "]") {
      throw new SpecParseError(cursor.lineNo, inner.at + 1, "expected “]” after the task regex");
    }
    cursor.at = inner.at + 1;
    return { kind: "regex", ...regex };
  }
  const close = rest.indexOf("]");
  if (close < 0) return null;
  const content = rest.slice(1, close);
  const after = rest[close + 1];
  if (after !== undefined && !/\s/.test(after)) return null;
  if (content !== "*" && !TASK_NAME.test(content)) return null;
  cursor.at += close + 1;
  return content === "*" ? { kind: "any" } : { kind: "name", name: content };
}

function skipBlanks(cursor: Cursor): void {
  while (cursor.at < cursor.text.length && /\s/.test(cursor.text[cursor.at])) cursor.at++;
}

export function parseText(cursor: Cursor): TextMatcher {
  const rest = cursor.text.slice(cursor.at).trimEnd();
  const col = cursor.at + 1;
  if (rest.startsWith("\\")) return { kind: "literal", text: rest.slice(1) };
  if (rest === "*") return { kind: "any" };
  if (rest.startsWith('"')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(rest);
    } catch {
      throw new SpecParseError(
        cursor.lineNo,
        col,
        "bad quoted text",
        'a quoted line is one JSON string like "  two blanks"; a printed line starting with " is written \\"...',
      );
    }
    if (typeof parsed !== "string") throw new SpecParseError(cursor.lineNo, col, "bad quoted text");
    return { kind: "literal", text: parsed };
  }
  if (rest.startsWith("/")) {
    const regex = scanRegex(cursor);
    const tail = cursor.text.slice(cursor.at);
    if (tail.trim() !== "") {
      const tailCol = cursor.at + tail.length - tail.trimStart().length + 1;
      throw new SpecParseError(
        cursor.lineNo,
        tailCol,
        "text after the regular expression",
        "a regex must be the whole line's text; a printed line starting with / is written \\/...",
      );
    }
    return { kind: "regex", ...regex };
  }
  return { kind: "literal", text: rest };
}

/** Parses an expected line; `cursor.at` is at its first non-blank character. */
export function parseExpectedLine(cursor: Cursor): SpecLine {
  const pos = { line: cursor.lineNo, col: cursor.at + 1 };
  let time: TimeSpec | null = null;
  let task: TaskMatcher | null = null;
  let stream: OutputStream = "stdout";
  let sawStream = false;
  let headerTokens = 0;
  for (;;) {
    const ch = cursor.text[cursor.at];
    const col = cursor.at + 1;
    if (ch === "@") {
      if (time) throw new SpecParseError(cursor.lineNo, col, "a line has at most one time");
      time = parseTimeAt(cursor);
    } else if (ch === "[") {
      const parsed = tryParseTask(cursor);
      if (!parsed) break;
      if (task) throw new SpecParseError(cursor.lineNo, col, "a line has at most one task");
      task = parsed;
    } else if (/^stderr:(\s|$)/.test(cursor.text.slice(cursor.at))) {
      if (sawStream) throw new SpecParseError(cursor.lineNo, col, "“stderr:” given twice");
      sawStream = true;
      stream = "stderr";
      cursor.at += "stderr:".length;
    } else {
      break;
    }
    headerTokens++;
    skipBlanks(cursor);
  }
  if (headerTokens > 0 && cursor.text.slice(cursor.at).trim() === "") {
    throw new SpecParseError(
      cursor.lineNo,
      cursor.at + 1,
      "expected the printed text after the time/task",
      'use * for any text, "" for an empty line, or \\[x] if “[x]” is the printed text',
    );
  }
  const rest = cursor.text.slice(cursor.at).trimEnd();
  if (headerTokens > 0 && rest === "...") {
    throw new SpecParseError(
      cursor.lineNo,
      cursor.at + 1,
      "“...” cannot have a time, task or stream",
      "write ... alone on its line, or \\... for a printed “...”",
    );
  }
  return { type: "line", time, task, stream, text: parseText(cursor), pos };
}
