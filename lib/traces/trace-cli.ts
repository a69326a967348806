import type { ProgramVerdict } from "./check-schedules";
import { toJsonVerdict } from "./check-schedules";
import type { ActualView, DiffRow, ExpectedView } from "./verdict.types";
import { displayWidth, escapeControlCharacters } from "@/lib/text/terminal-text";

/**
 * The checker's part of `npm run trace` (pure; scripts/trace.ts does the I/O):
 *   --record          print the proposed expected spec recorded from the run
 *   --expect SPEC     check the run against the spec file SPEC (exit 0 only when it passes)
 *   --schedules K     with --expect: seeds S..S+K-1 must all pass (S = --seed, default 0);
 *                     with --record: group same-instant lines only where those seeds reorder them
 * These flags are taken out of argv before the sandbox's own argument parser sees the rest.
 */
export const TRACE_CHECK_USAGE =
  "       npm run trace -- FILE.py --record [--schedules K] [--seed N] [--json]\n       npm run trace -- FILE.py --expect SPEC [--schedules K] [--seed N] [--json]";

export interface TraceCheckArgs {
  record: boolean;
  expect: string | null;
  schedules: number;
}

export type SplitTraceCheckArgs = { ok: true; check: TraceCheckArgs; rest: string[] } | { ok: false; message: string };

export function splitTraceCheckArgs(argv: readonly string[]): SplitTraceCheckArgs {
  const check: TraceCheckArgs = { record: false, expect: null, schedules: 1 };
  let schedulesGiven = false;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    const eq = raw.startsWith("--") ? raw.indexOf("=") : -1;
    const name = eq > 0 ? raw.slice(0, eq) : raw;
    const takeValue = (): string | undefined => (eq > 0 ? raw.slice(eq + 1) : argv[++i]);
    if (name === "--record") {
      check.record = true;
    } else if (name === "--expect") {
      const value = takeValue();
      if (!value) return { ok: false, message: `--expect needs a spec file\n${TRACE_CHECK_USAGE}` };
      check.expect = value;
    } else if (name === "--schedules") {
      const value = takeValue();
      const k = Number(value);
      if (!Number.isInteger(k) || k < 1)
        return { ok: false, message: `--schedules needs a positive integer, got "${value}"\n${TRACE_CHECK_USAGE}` };
      check.schedules = k;
      schedulesGiven = true;
    } else {
      rest.push(raw);
    }
  }
  if (check.record && check.expect)
    return { ok: false, message: `--record and --expect cannot be combined\n${TRACE_CHECK_USAGE}` };
  if (schedulesGiven && !check.expect && !check.record)
    return { ok: false, message: `--schedules needs --expect or --record\n${TRACE_CHECK_USAGE}` };
  return { ok: true, check, rest };
}

/** `--expect --json`: the RunResult of the reported schedule plus the verdict (issue 4's shape). */
export function verdictJson(verdict: ProgramVerdict): Record<string, unknown> {
  return { ...verdict.run, verdict: toJsonVerdict(verdict) };
}

export function verdictExitCode(verdict: ProgramVerdict): number {
  return verdict.passed ? 0 : 1;
}

/** Human report: verdict line, first divergence, aligned diff. */
export function formatVerdictReport(verdict: ProgramVerdict): string {
  const { met, total } = verdict.checkpoints;
  const runs = verdict.outcomes.length;
  const of = runs > 1 ? ` of ${runs} schedules` : "";
  const head = verdict.passed
    ? `PASS  score 100, ${met}/${total} checkpoints${of ? `, all${of}` : ""}`
    : `FAIL  score ${verdict.score}, ${met}/${total} checkpoints, failing seed ${verdict.failingSeed}${of}`;
  const lines = [head];
  if (verdict.strategy !== "window") lines.push(explorationLine(verdict));
  if (verdict.failingSeed !== null && verdict.failingSeed > 0)
    lines.push(`reproduce: npm run trace -- FILE.py --seed ${verdict.failingSeed}`);
  const divergence = verdict.firstDivergence;
  if (divergence) {
    const where = divergence.specLine ? ` (spec line ${divergence.specLine})` : "";
    lines.push(`first divergence [${divergence.reason}]${where}: ${divergence.message}`);
  }
  if (verdict.tamper) lines.push(`tamper: ${verdict.tamper.reason}`);
  if (verdict.diff.length > 0) lines.push("", ...formatDiff(verdict.diff));
  return lines.join("\n");
}

function explorationLine(verdict: ProgramVerdict): string {
  const how = {
    single: "one schedule (no choice points)",
    exhaustive: "every order enumerated",
    pct: "PCT-sampled",
    seeds: "plain seeds",
    window: "the seeds asked for",
  }[verdict.strategy];
  const budget = verdict.schedules > 0 ? `budget ${verdict.schedules}` : "budget from the choice points";
  return `explored ${verdict.explored} distinct schedule(s), ${how}, ${verdict.complete ? "complete" : "not complete"} (${budget})`;
}

const MARKERS: Record<DiffRow["kind"], string> = { same: " ", changed: "~", missing: "-", extra: "+" };

export function formatDiff(rows: DiffRow[]): string[] {
  const left = rows.map((row) => (row.expected ? describeExpected(row.expected) : ""));
  const width = Math.min(48, Math.max(8, ...left.map(displayWidth)));
  const header = `  ${padTo("expected", width)} | actual`;
  return [
    header,
    ...rows.map((row, i) =>
      `${MARKERS[row.kind]} ${padTo(left[i], width)} | ${row.actual ? describeActual(row.actual) : ""}`.trimEnd(),
    ),
  ];
}

function describeExpected(view: ExpectedView): string {
  const t = view.t === undefined ? "" : `@${view.t} `;
  const task = view.task ? `[${view.task}] ` : "";
  return `${t}${task}${view.stream ? "stderr: " : ""}${escapeControlCharacters(view.text)}`;
}

function describeActual(view: ActualView): string {
  return `${view.t.toFixed(3)} ${view.task} ${view.stream ? "stderr: " : ""}${escapeControlCharacters(view.text)}`;
}

function padTo(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}
