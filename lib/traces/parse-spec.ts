import { LIMIT_KINDS } from "@/lib/run-contract/run-result.types";
import { parseExpectedLine, parseTimeAt, type Cursor } from "./parse-spec-line";
import {
  SpecParseError,
  type ExpectedSpec,
  EXPECTED_STATUSES,
  type SpecGroup,
  type SpecPosition,
  type TimeSpec,
} from "./spec.types";

/**
 * Parses expected-trace text (docs/expected-trace-format.md) into an ExpectedSpec.
 * Throws SpecParseError with line, column and a hint on the first problem.
 */
export function parseSpec(source: string): ExpectedSpec {
  const spec: ExpectedSpec = { items: [], status: null, finishes: null, extraOutput: "forbidden", timeTolerance: null };
  const seen = new Set<string>();
  let group: SpecGroup | null = null;
  const lines = source.split(/\r?\n/);
  lines.forEach((text, index) => {
    const lineNo = index + 1;
    const cursor: Cursor = { lineNo, text, at: text.length - text.trimStart().length };
    const trimmed = text.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const pos = { line: lineNo, col: cursor.at + 1 };
    const opening = parseGroupOpening(cursor, trimmed);
    if (opening !== undefined) {
      if (group)
        throw new SpecParseError(
          lineNo,
          pos.col,
          "groups cannot be nested",
          `close the group opened on line ${group.pos.line} with “}” first`,
        );
      group = { type: "group", time: opening, lines: [], pos };
      return;
    }
    if (trimmed === "}") {
      if (!group)
        throw new SpecParseError(lineNo, pos.col, "“}” without an open group", "a printed “}” is written \\}");
      if (group.lines.length === 0)
        throw new SpecParseError(lineNo, pos.col, "empty group", "put at least one expected line between { and }");
      spec.items.push(group);
      group = null;
      return;
    }
    const directive = directiveKey(trimmed);
    if (directive) {
      if (group)
        throw new SpecParseError(
          lineNo,
          pos.col,
          "directives are not allowed inside a group",
          `close the group opened on line ${group.pos.line} first, or write \\${trimmed} for printed text`,
        );
      if (seen.has(directive)) throw new SpecParseError(lineNo, pos.col, `“${directive}” is given twice`);
      seen.add(directive);
      applyDirective(spec, directive, trimmed, pos);
      return;
    }
    if (trimmed === "...") {
      if (group)
        throw new SpecParseError(
          lineNo,
          pos.col,
          "“...” is not allowed inside a group",
          "a printed “...” is written \\...",
        );
      spec.items.push({ type: "skip", pos });
      return;
    }
    const line = parseExpectedLine(cursor);
    if (group) group.lines.push(line);
    else spec.items.push(line);
  });
  if (group !== null) {
    const open: SpecGroup = group;
    const braceCol = lines[open.pos.line - 1].lastIndexOf("{") + 1;
    throw new SpecParseError(open.pos.line, braceCol, "unclosed group “{”", "close it with a line holding only }");
  }
  return spec;
}

/** `{` or `@2 {` → the group's time (null when none); anything else → undefined. */
function parseGroupOpening(cursor: Cursor, trimmed: string): TimeSpec | null | undefined {
  if (trimmed === "{") return null;
  if (!trimmed.startsWith("@") || !/\s\{$/.test(trimmed)) return undefined;
  const probe: Cursor = { ...cursor };
  const time = parseTimeAt(probe);
  return probe.text.slice(probe.at).trim() === "{" ? time : undefined;
}

const DIRECTIVE_PREFIXES = [
  ["status", /^status:/],
  ["finishes", /^finishes\s/],
  ["extra output", /^(no|allow) extra output\b/],
  ["time tolerance", /^time tolerance:/],
] as const;

function directiveKey(trimmed: string): string | null {
  for (const [key, pattern] of DIRECTIVE_PREFIXES) if (pattern.test(trimmed)) return key;
  return null;
}

const NUM = String.raw`(\d+(?:\.\d+)?)`;

function applyDirective(spec: ExpectedSpec, key: string, trimmed: string, pos: SpecPosition): void {
  const literalHint = `for a printed line, write \\${trimmed}`;
  if (key === "status") {
    const m = /^status:\s*(\S+)(?:\s+(\S+))?$/.exec(trimmed);
    const status = EXPECTED_STATUSES.find((known) => known === m?.[1]);
    if (!m || !status) {
      throw new SpecParseError(
        pos.line,
        pos.col + 7,
        "unknown status",
        `use ok, error [Type], deadlock or limit [kind]; ${literalHint}`,
      );
    }
    const detail = m[2] ?? null;
    if (detail && (status === "ok" || status === "deadlock")) {
      throw new SpecParseError(pos.line, pos.col + trimmed.indexOf(detail), `“status: ${status}” takes no detail`);
    }
    if (detail && status === "limit" && !(LIMIT_KINDS as readonly string[]).includes(detail)) {
      throw new SpecParseError(
        pos.line,
        pos.col + trimmed.indexOf(detail),
        `unknown limit “${detail}”`,
        `use one of ${LIMIT_KINDS.join(", ")}`,
      );
    }
    if (detail && status === "error" && !/^[A-Za-z_][\w.]*$/.test(detail)) {
      throw new SpecParseError(
        pos.line,
        pos.col + trimmed.indexOf(detail),
        `“${detail}” is not an exception type name`,
      );
    }
    spec.status = { status, detail, pos };
  } else if (key === "finishes") {
    const m = new RegExp(String.raw`^finishes\s+(by|at)\s+(?:t\s*=\s*)?${NUM}(?:\s*(?:±|\+-)\s*${NUM})?$`).exec(
      trimmed,
    );
    if (!m)
      throw new SpecParseError(
        pos.line,
        pos.col + 9,
        "bad “finishes” constraint",
        `write “finishes by t=2” or “finishes at t=2±0.5”; ${literalHint}`,
      );
    if (m[1] === "by" && m[3] !== undefined) {
      throw new SpecParseError(
        pos.line,
        pos.col + trimmed.search(/±|\+-/),
        "“finishes by” takes no tolerance",
        "use “finishes at t=2±0.5” for a window",
      );
    }
    spec.finishes =
      m[1] === "by"
        ? { kind: "by", t: Number(m[2]), pos }
        : { kind: "at", t: Number(m[2]), tolerance: m[3] === undefined ? null : Number(m[3]), pos };
  } else if (key === "extra output") {
    if (trimmed !== "no extra output" && trimmed !== "allow extra output") {
      throw new SpecParseError(pos.line, pos.col, "unexpected text after the directive", literalHint);
    }
    spec.extraOutput = trimmed.startsWith("allow") ? "allowed" : "forbidden";
  } else {
    const m = new RegExp(String.raw`^time tolerance:\s*${NUM}$`).exec(trimmed);
    if (!m)
      throw new SpecParseError(
        pos.line,
        pos.col + 15,
        "bad time tolerance",
        `write “time tolerance: 0.1”; ${literalHint}`,
      );
    spec.timeTolerance = Number(m[1]);
  }
}
