/**
 * `npm run bench:sandbox [-- --json] [--runs N] [--cold-runs N] [--step-runs N] [--write]`
 * Warm pool vs a cold `bwrap python3` per run, on the tutorial's create_task example (5.4 example 1:
 * two tasks sleeping 2 s each), in one process so both see the same machine load.
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createSandboxRunner } from "@/lib/sandbox/create-sandbox-runner";
import { runCold } from "@/lib/sandbox/run-cold";
import { summarize, writePerformanceSection, type Summary } from "./sandbox-report";
import { measureSteps, stepsTable } from "./sandbox-steps";
import { measureClosedLoop } from "./measure-closed-loop";
import { measurePageFaultCostUs } from "./page-fault-cost";

// The fidelity corpus keeps the tutorial's program verbatim (with its real-CPython oracle).
const CREATE_TASK_EXAMPLE = readFileSync(
  path.join(__dirname, "../../tests/fixtures/corpus/10-create-task-example-1.py"),
  "utf8",
);

function flagValue(argv: string[], name: string, fallback: number): number {
  const index = argv.indexOf(name);
  const value = index >= 0 ? Number(argv[index + 1]) : fallback;
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const runs = flagValue(argv, "--runs", 1000);
  const coldRuns = flagValue(argv, "--cold-runs", Math.max(10, Math.min(60, Math.floor(runs / 10))));
  const load = os.loadavg();
  const faultCostUs = measurePageFaultCostUs();
  const runner = createSandboxRunner();
  const workers = runner.status().poolSize;
  if (!runner.status().available) throw new Error(runner.status().message ?? "sandbox unavailable");
  await measureClosedLoop(workers * 4, workers, () => runner.run({ code: CREATE_TASK_EXAMPLE }));
  const cpuBefore = process.cpuUsage();
  const pool = await measureClosedLoop(runs, workers, () => runner.run({ code: CREATE_TASK_EXAMPLE }));
  const cpu = process.cpuUsage(cpuBefore);
  const nodeCpuMs = (cpu.user + cpu.system) / 1000;
  await runner.close();
  let uid = 0;
  const cold = await measureClosedLoop(coldRuns, workers, () =>
    runCold({ code: CREATE_TASK_EXAMPLE }, { uid: 61900 + (uid++ % workers) }),
  );
  const stepRuns = flagValue(argv, "--step-runs", Math.max(60, Math.floor(runs / 3)));
  const steps = await measureSteps(CREATE_TASK_EXAMPLE, stepRuns, workers);
  const summary: Summary = summarize({
    pool,
    cold,
    workers,
    load,
    faultCostUs,
    nodeCpuMs,
    stepsTable: stepsTable(steps),
    stepRuns,
  });
  if (argv.includes("--json")) process.stdout.write(`${JSON.stringify({ ...summary, steps })}\n`);
  else process.stdout.write(`${summary.table}\n`);
  if (argv.includes("--write")) writePerformanceSection(summary);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
