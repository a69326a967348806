import type { ExpectedSpec, SpecItem, SpecLine, TaskMatcher, TextMatcher, TimeSpec } from "./spec.types";

/**
 * Prints an ExpectedSpec as canonical text: constraints first, then the expected lines.
 * `parseSpec(formatSpec(spec))` equals `spec` except for source positions.
 */
export function formatSpec(spec: ExpectedSpec, options: { header?: string[] } = {}): string {
  const out: string[] = (options.header ?? []).map((line) => `# ${line}`.trimEnd());
  if (spec.status) out.push(`status: ${spec.status.status}${spec.status.detail ? ` ${spec.status.detail}` : ""}`);
  if (spec.finishes) {
    const f = spec.finishes;
    const tolerance = f.kind === "at" && f.tolerance !== null ? `±${formatNumber(f.tolerance)}` : "";
    out.push(`finishes ${f.kind} t=${formatNumber(f.t)}${tolerance}`);
  }
  out.push(spec.extraOutput === "allowed" ? "allow extra output" : "no extra output");
  if (spec.timeTolerance !== null) out.push(`time tolerance: ${formatNumber(spec.timeTolerance)}`);
  if (spec.items.length > 0) out.push("");
  for (const item of spec.items) out.push(...formatItem(item));
  return `${out.join("\n")}\n`;
}

function formatItem(item: SpecItem): string[] {
  if (item.type === "skip") return ["..."];
  if (item.type === "line") return [formatLine(item)];
  const opening = item.time ? `${formatTime(item.time)} {` : "{";
  return [opening, ...item.lines.map((line) => `  ${formatLine(line)}`), "}"];
}

export function formatLine(line: SpecLine): string {
  const parts: string[] = [];
  if (line.time) parts.push(formatTime(line.time));
  if (line.task) parts.push(formatTask(line.task));
  if (line.stream === "stderr") parts.push("stderr:");
  parts.push(formatText(line.text));
  return parts.join(" ");
}

export function formatTime(time: TimeSpec): string {
  if (time.kind === "range") return `@${formatNumber(time.from)}..${formatNumber(time.to)}`;
  return `@${formatNumber(time.at)}${time.tolerance === null ? "" : `±${formatNumber(time.tolerance)}`}`;
}

function formatTask(task: TaskMatcher): string {
  if (task.kind === "any") return "[*]";
  if (task.kind === "regex") return `[/${task.source}/${task.flags}]`;
  return `[${task.name}]`;
}

export function formatText(text: TextMatcher): string {
  if (text.kind === "any") return "*";
  if (text.kind === "regex") return `/${text.source}/${text.flags}`;
  return escapeLiteral(text.text);
}

const SYNTAX_START = /^(?:[@#/"\\[]|stderr:|status:|finishes\s|no extra output|allow extra output|time tolerance:)/;
const SYNTAX_WHOLE = new Set(["*", "...", "{", "}"]);

/** Writes printed text so that the parser reads it back as exactly that literal. */
export function escapeLiteral(text: string): string {
  // JSON quoting keeps what the plain form would lose: empty text, edge blanks, control characters.
  if (text === "" || /^\s|\s$/.test(text) || /[\u0000-\u001f\u007f]/.test(text)) return JSON.stringify(text);
  if (SYNTAX_START.test(text) || SYNTAX_WHOLE.has(text)) return `\\${text}`;
  return text;
}

/** Shortest decimal the parser accepts (it has no exponent syntax). */
export function formatNumber(n: number): string {
  const plain = String(n);
  if (!/e/i.test(plain)) return plain;
  return n.toFixed(9).replace(/\.?0+$/, "");
}
