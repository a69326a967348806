import { readdirSync, readFileSync } from "node:fs";
import { createSandboxRunner } from "@/lib/sandbox/create-sandbox-runner";
import type { RunResult } from "@/lib/run-contract/run-result.types";
import type { IsolationStep, SandboxRunner } from "@/lib/sandbox/sandbox-runner.types";

/**
 * What each isolation step of issue 8 costs: warm pools identical but for one step left out,
 * measured in interleaved rounds in one process (so every configuration sees the same load).
 */
export interface StepRow {
  label: string;
  off: IsolationStep[];
  /** Appended to the program: a comment naming `socket` routes it to the networked zygote. */
  suffix?: string;
  runs: number;
  runsPerSec: number;
  p50Ms: number;
  p95Ms: number;
  /** CPU time of the sandbox's own processes (zygote + forked runs) per run: load-independent. */
  sandboxCpuMs: number;
}

const CLOCK_TICKS_PER_SECOND = 100;

/**
 * utime + stime + cutime + cstime of every process of these uids: the zygotes (their reaped
 * children's CPU lands in cutime/cstime) and bwrap. A machine shared with other work stretches
 * latency; CPU time per run barely moves, so it is the fair per-step comparison.
 */
function sandboxCpuMs(uids: Set<number>): number {
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const uid = Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${entry}/status`, "utf8"))?.[1]);
      if (!uids.has(uid)) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      // exited while we looked
    }
  }
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

const CONFIGS: Array<{ label: string; off: IsolationStep[]; suffix?: string }> = [
  { label: "all isolation on (as shipped)", off: [] },
  // Same program, routed to the networked zygote: what every run paid before the lean zygote.
  { label: "networked zygote (every run before the lean one)", off: [], suffix: "\n# socket\n" },
  { label: "without a fresh tmpfs per run (wipe /tmp instead)", off: ["freshTmp"] },
  { label: "without the per-run memory cgroup (RLIMIT_AS instead)", off: ["memoryCgroup"] },
  { label: "without the child's seccomp filter", off: ["seccomp"] },
  { label: "without the sealed audit hook", off: ["auditHook"] },
  { label: "all four left out", off: ["freshTmp", "memoryCgroup", "seccomp", "auditHook"] },
  // Speed, not isolation: the run forks its own child instead of taking the pre-forked spare.
  { label: "without the pre-forked spare child (fork per request)", off: ["spareChild"] },
];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function closedLoop(runner: SandboxRunner, total: number, workers: number, code: string) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < total) {
        next += 1;
        const t0 = performance.now();
        const result: RunResult = await runner.run({ code });
        if (result.status !== "ok")
          throw new Error(`a benchmark run failed: ${result.status} ${result.error?.message ?? ""}`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, elapsedMs: performance.now() - started };
}

export async function measureSteps(
  code: string,
  runsPerConfig: number,
  workers: number,
  rounds = 3,
): Promise<StepRow[]> {
  const uidBase = (index: number) => 61700 + index * 16;
  const runners = CONFIGS.map((config, index) =>
    createSandboxRunner({ poolSize: workers, uidBase: uidBase(index), isolationOff: config.off }),
  );
  const uids = CONFIGS.map((_, index) => new Set(Array.from({ length: workers }, (__, slot) => uidBase(index) + slot)));
  try {
    const programs = CONFIGS.map((config) => code + (config.suffix ?? ""));
    for (const [index, runner] of runners.entries()) await closedLoop(runner, workers * 4, workers, programs[index]);
    const latencies: number[][] = CONFIGS.map(() => []);
    const elapsed = CONFIGS.map(() => 0);
    const cpu = CONFIGS.map(() => 0);
    const perRound = Math.max(workers, Math.floor(runsPerConfig / rounds));
    for (let round = 0; round < rounds; round += 1) {
      for (const [index, runner] of runners.entries()) {
        const cpuBefore = sandboxCpuMs(uids[index]);
        const measured = await closedLoop(runner, perRound, workers, programs[index]);
        cpu[index] += sandboxCpuMs(uids[index]) - cpuBefore;
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
      sandboxCpuMs: Number((cpu[index] / Math.max(1, latencies[index].length)).toFixed(2)),
    }));
  } finally {
    await Promise.all(runners.map((runner) => runner.close()));
  }
}

export function stepsTable(rows: StepRow[]): string {
  const base = rows[0];
  const delta = (value: number, reference: number) =>
    `${value - reference >= 0 ? "+" : ""}${(value - reference).toFixed(2)}`;
  return [
    "| isolation (warm pool) | runs | runs/s | p50 ms | p95 ms | sandbox CPU ms/run | CPU vs shipped |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map(
      (row) =>
        `| ${row.label} | ${row.runs} | ${row.runsPerSec} | ${row.p50Ms} | ${row.p95Ms} | ${row.sandboxCpuMs} | ${row === base ? "—" : delta(row.sandboxCpuMs, base.sandboxCpuMs)} |`,
    ),
  ].join("\n");
}
