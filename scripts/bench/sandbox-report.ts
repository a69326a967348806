import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { RunResult } from "@/lib/run-contract/run-result.types";
import { describePageFaultCost } from "./page-fault-cost";

interface Measured {
  latencies: number[];
  results: RunResult[];
  elapsedMs: number;
}

export interface Summary {
  poolRunsPerSec: number;
  poolP50Ms: number;
  poolP95Ms: number;
  coldRunsPerSec: number;
  coldP50Ms: number;
  coldP95Ms: number;
  ratio: number;
  /** Virtual seconds simulated per wall-clock second, per run (virtualTime / wall latency). */
  virtualSpeedup: number;
  poolRuns: number;
  coldRuns: number;
  /** Pool runs with status ok, virtual time 2.0 s and no tamper flag (a false flag is a bug). */
  poolOk: number;
  /** CPU time of this Node process (pool, queue, protocol, validation) per pool run. */
  nodeCpuMsPerRun: number;
  workers: number;
  cpus: number;
  loadAverage: number[];
  /** CPU µs per copy-on-write page fault, measured before the run (null: probe failed). */
  faultCostUs: number | null;
  stepRuns: number;
  table: string;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

export function summarize(input: {
  pool: Measured;
  cold: Measured;
  workers: number;
  load: number[];
  faultCostUs: number | null;
  nodeCpuMs: number;
  stepsTable: string;
  stepRuns: number;
}): Summary {
  const { pool, cold } = input;
  const poolRunsPerSec = (pool.latencies.length * 1000) / pool.elapsedMs;
  const coldRunsPerSec = (cold.latencies.length * 1000) / cold.elapsedMs;
  const virtual = pool.results.reduce((sum, result) => sum + result.virtualTime, 0);
  const wallSeconds = pool.latencies.reduce((sum, ms) => sum + ms, 0) / 1000;
  const figures = {
    poolRunsPerSec: round(poolRunsPerSec),
    poolP50Ms: round(percentile(pool.latencies, 50), 2),
    poolP95Ms: round(percentile(pool.latencies, 95), 2),
    coldRunsPerSec: round(coldRunsPerSec),
    coldP50Ms: round(percentile(cold.latencies, 50), 2),
    coldP95Ms: round(percentile(cold.latencies, 95), 2),
    ratio: round(poolRunsPerSec / coldRunsPerSec),
    virtualSpeedup: round(wallSeconds > 0 ? virtual / wallSeconds : 0, 0),
    poolRuns: pool.latencies.length,
    coldRuns: cold.latencies.length,
    poolOk: pool.results.filter(
      (result) => result.status === "ok" && result.virtualTime === 2 && result.tamper === null,
    ).length,
    nodeCpuMsPerRun: round(input.nodeCpuMs / Math.max(1, pool.latencies.length), 2),
    workers: input.workers,
    cpus: os.availableParallelism(),
    loadAverage: input.load.map((value) => round(value, 2)),
    faultCostUs: input.faultCostUs,
    stepRuns: input.stepRuns,
  };
  const table = [
    "| design | runs | runs/s | p50 ms | p95 ms |",
    "| --- | --- | --- | --- | --- |",
    `| warm pool (zygote fork per run) | ${figures.poolRuns} | ${figures.poolRunsPerSec} | ${figures.poolP50Ms} | ${figures.poolP95Ms} |`,
    `| cold bwrap + python3 per run | ${figures.coldRuns} | ${figures.coldRunsPerSec} | ${figures.coldP50Ms} | ${figures.coldP95Ms} |`,
    "",
    `pool / cold throughput ratio: ${figures.ratio}x; ${figures.poolOk}/${figures.poolRuns} pool runs ok with virtual time 2.0 s and no tamper flag;`,
    `Node (pool, protocol, validation) used ${figures.nodeCpuMsPerRun} ms of CPU per pool run;`,
    `virtual-time speed-up: ${figures.virtualSpeedup} virtual seconds per wall second per run;`,
    `${figures.workers} slots on ${figures.cpus} CPUs, load average before the run ${figures.loadAverage.join(" / ")};`,
    describePageFaultCost(figures.faultCostUs),
    "",
    "Cost of each isolation step (issue 8), same process, interleaved rounds:",
    "",
    input.stepsTable,
  ].join("\n");
  return { ...figures, table };
}

const START = "<!-- bench:sandbox:start -->";
const END = "<!-- bench:sandbox:end -->";

/** Replaces the generated block of the "Sandbox" section of docs/performance.md. */
export function writePerformanceSection(summary: Summary): void {
  const file = path.join(process.cwd(), "docs/performance.md");
  const block = [
    START,
    `Latest run (${new Date().toISOString().slice(0, 10)}), reproduce with \`npm run bench:sandbox -- --runs ${summary.poolRuns} --cold-runs ${summary.coldRuns} --step-runs ${summary.stepRuns} --write\`:`,
    "",
    summary.table,
    END,
  ].join("\n");
  const text = existsSync(file) ? readFileSync(file, "utf8") : "# Performance\n";
  const next = text.includes(START)
    ? text.slice(0, text.indexOf(START)) + block + text.slice(text.indexOf(END) + END.length)
    : `${text.trimEnd()}\n\n## Sandbox\n\n${block}\n`;
  writeFileSync(file, next);
}
