import { createSandboxRunner } from "@/lib/sandbox/create-sandbox-runner";
import type { RunResult } from "@/lib/sandbox/run-result.types";
import type { IsolationStep, SandboxRunner } from "@/lib/sandbox/sandbox-runner.types";

/**
 * What each isolation step of issue 8 costs: warm pools identical but for one step left out,
 * measured in interleaved rounds in one process (so every configuration sees the same load).
 */
export interface StepRow {
  label: string;
  off: IsolationStep[];
  runs: number;
  runsPerSec: number;
  p50Ms: number;
  p95Ms: number;
}

const CONFIGS: Array<{ label: string; off: IsolationStep[] }> = [
  { label: "all isolation on (as shipped)", off: [] },
  { label: "without a fresh tmpfs per run (wipe /tmp instead)", off: ["freshTmp"] },
  { label: "without the per-run memory cgroup (RLIMIT_AS instead)", off: ["memoryCgroup"] },
  { label: "without the child's seccomp filter", off: ["seccomp"] },
  { label: "without the sealed audit hook", off: ["auditHook"] },
  { label: "all four left out", off: ["freshTmp", "memoryCgroup", "seccomp", "auditHook"] },
];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function closedLoop(runner: SandboxRunner, total: number, workers: number, code: string) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: workers }, async () => {
    while (next < total) {
      next += 1;
      const t0 = performance.now();
      const result: RunResult = await runner.run({ code });
      if (result.status !== "ok") throw new Error(`a benchmark run failed: ${result.status} ${result.error?.message ?? ""}`);
      latencies.push(performance.now() - t0);
    }
  }));
  return { latencies, elapsedMs: performance.now() - started };
}

export async function measureSteps(code: string, runsPerConfig: number, workers: number, rounds = 3): Promise<StepRow[]> {
  const runners = CONFIGS.map((config, index) =>
    createSandboxRunner({ poolSize: workers, uidBase: 61700 + index * 16, isolationOff: config.off }));
  try {
    for (const runner of runners) await closedLoop(runner, workers * 4, workers, code);
    const latencies: number[][] = CONFIGS.map(() => []);
    const elapsed = CONFIGS.map(() => 0);
    const perRound = Math.max(workers, Math.floor(runsPerConfig / rounds));
    for (let round = 0; round < rounds; round += 1) {
      for (const [index, runner] of runners.entries()) {
        const measured = await closedLoop(runner, perRound, workers, code);
        latencies[index].push(...measured.latencies);
        elapsed[index] += measured.elapsedMs;
      }
    }
    return CONFIGS.map((config, index) => ({
      ...config,
      runs: latencies[index].length,
      runsPerSec: Number(((latencies[index].length * 1000) / elapsed[index]).toFixed(1)),
      p50Ms: Number(percentile(latencies[index], 50).toFixed(2)),
      p95Ms: Number(percentile(latencies[index], 95).toFixed(2)),
    }));
  } finally {
    await Promise.all(runners.map((runner) => runner.close()));
  }
}

export function stepsTable(rows: StepRow[]): string {
  const base = rows[0];
  const delta = (value: number, reference: number) => `${value - reference >= 0 ? "+" : ""}${(value - reference).toFixed(2)}`;
  return [
    "| isolation (warm pool) | runs | runs/s | p50 ms | p95 ms | p50 vs shipped |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows.map((row) => `| ${row.label} | ${row.runs} | ${row.runsPerSec} | ${row.p50Ms} | ${row.p95Ms} | ${row === base ? "—" : delta(row.p50Ms, base.p50Ms)} |`),
  ].join("\n");
}
