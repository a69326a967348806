/**
 * Figures, table and the generated block of the "Grading burst" section of docs/performance.md.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describePageFaultCost } from "./page-fault-cost";

export interface BurstFigures {
  submissions: number;
  graded: number;
  lost: number;
  wallSeconds: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Verdicts stored per second, first submission to last verdict. */
  submissionsPerSec: number;
  rejected: number;
  passed: number;
  submitP50Ms: number;
  submitP95Ms: number;
  queueWaitP95Ms: number;
  backend: "in-process" | "bullmq";
  database: "sqlite" | "postgres";
  graderProcesses: number;
  poolSize: number;
  students: number;
  windowSeconds: number;
  /** Baseline measured in the same run: one sandbox run of the exercise's solution, warm pool. */
  sandboxRunP50Ms: number;
  /** The pool's lower bound for the burst: runs × single-run p50 / slots of all graders. */
  sandboxFloorSeconds: number;
  cpus: number;
  loadAverage: number[];
  /** CPU µs per copy-on-write page fault on this machine (scripts/bench/page-fault-cost.py). */
  faultCostUs: number | null;
  meetsTarget: boolean;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const round = (value: number, digits = 0) => Number(value.toFixed(digits));

export function formatTable(f: BurstFigures): string {
  const graders = `${f.backend}${f.backend === "bullmq" ? `, ${f.graderProcesses} grader process(es)` : ""}, ${f.poolSize} sandbox slot(s) each, ${f.database}`;
  return [
    "| students | window | graded | lost | wall s | verdicts/s | p50 ms | p95 ms | max ms | target |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    `| ${f.students} | ${f.windowSeconds} s | ${f.graded}/${f.submissions} | ${f.lost} | ${f.wallSeconds} | ${f.submissionsPerSec} | ${f.p50Ms} | ${f.p95Ms} | ${f.maxMs} | ${f.meetsTarget ? "met" : "MISSED"} |`,
    "",
    `Latency: HTTP request start → \`gradedAt\` stored. Grading: ${graders}.`,
    `${f.passed} passed (2 in 3 students submit the reference solution, 1 in 3 a wrong one); ${f.rejected} refused.`,
    `POST answered in p50 ${f.submitP50Ms} ms / p95 ${f.submitP95Ms} ms; queue wait (queued → claimed) p95 ${f.queueWaitP95Ms} ms.`,
    `Baseline in the same run: one warm sandbox run of the solution, p50 ${f.sandboxRunP50Ms} ms (≥ ${f.sandboxFloorSeconds} s of sandbox time`,
    `for the burst across all slots). ${f.cpus} CPUs; load average before the burst ${f.loadAverage.join(" / ")};`,
    describePageFaultCost(f.faultCostUs),
  ].join("\n");
}

const HEADING = "## Grading burst";

function variantOf(f: BurstFigures): string {
  return `${f.backend === "bullmq" ? `bullmq, ${f.graderProcesses} grader process${f.graderProcesses > 1 ? "es" : ""}` : "in-process"}, ${f.database}`;
}

/**
 * Replaces this configuration's generated block in the "Grading burst" section (one block per
 * configuration: in-process, BullMQ with 1 and with 2 grader processes), keeping everything else.
 */
export function writePerformanceSection(figures: BurstFigures, command: string): void {
  const file = path.join(process.cwd(), "docs/performance.md");
  const variant = variantOf(figures);
  const marker = variant.replace(/[^a-z0-9]+/g, "-");
  const start = `<!-- bench:burst:${marker}:start -->`;
  const end = `<!-- bench:burst:${marker}:end -->`;
  const block = [
    start,
    `**${variant}** — latest run ${new Date().toISOString().slice(0, 10)}, \`${command}\`:`,
    "",
    formatTable(figures),
    end,
  ].join("\n");
  let text = existsSync(file) ? readFileSync(file, "utf8") : "# Performance\n";
  if (!text.includes(HEADING)) text = `${text.trimEnd()}\n\n${HEADING}\n\n${SECTION_INTRO}\n`;
  if (text.includes(start) && text.includes(end)) {
    text = text.slice(0, text.indexOf(start)) + block + text.slice(text.indexOf(end) + end.length);
  } else {
    // Append at the end of this section: before the next "## " heading, or at the end of the file.
    const sectionStart = text.indexOf(HEADING) + HEADING.length;
    const nextHeading = text.indexOf("\n## ", sectionStart);
    const at = nextHeading === -1 ? text.length : nextHeading;
    text = `${text.slice(0, at).trimEnd()}\n\n${block}\n${nextHeading === -1 ? "" : `\n${text.slice(at + 1)}`}`;
  }
  writeFileSync(file, text);
}

export function loadAverage(): number[] {
  return os.loadavg().map((value) => round(value, 2));
}

const SECTION_INTRO = [
  "A classroom burst through the real HTTP API (`npm run bench:burst`, scripts/bench/burst.ts): the production",
  "server on a fresh SQLite database, 300 enrolled students, one published library exercise",
  "(05-create-task-concurrency), every student submits once within 5 s; the run ends when every row has a",
  "stored verdict. Target on the 2-core machine: all graded within 10 s of the first submission, p95 ≤ 3 s,",
  "zero lost. With `REDIS_URL` the server grades on BullMQ; `--workers 2` adds one `npm run worker` process.",
  "Each configuration keeps its latest run below; the figures are from a machine shared with other work, so",
  "compare them with the baseline measured in the same run.",
].join("\n");
