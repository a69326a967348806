/**
 * `npm run bench:network [-- --runs N] [--write]` (issue 15): does a networked run cost about what a
 * sleeping run costs? The warm pool's runs/s for the aiohttp crawler exercise (18: three pages over
 * the virtual network, gather, t=3) next to the plain create_task example (tutorial 5.4 ex. 1, the
 * bench:sandbox baseline), in ONE process, alternating rounds so both see the same machine load.
 * Target: the pool stays >= 200 runs/s for the crawler on 2 cores. --write updates docs/performance.md.
 *
 * Needs the sandbox's virtual network (RunRequest.network): until it exists, prints why and exits 1.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createSandboxRunner } from "@/lib/sandbox/create-sandbox-runner";
import { runRequestSchema, type RunRequest, type RunResult } from "@/lib/run-contract/run-result.types";
import { percentile, round } from "./burst-report";
import { measureClosedLoop } from "./measure-closed-loop";

const ROOT = path.resolve(__dirname, "../..");
const CRAWLER = path.join(ROOT, "content/exercises/18-crawler-aiohttp-gather");
const CREATE_TASK = path.join(ROOT, "tests/fixtures/corpus/10-create-task-example-1.py");
const START = "<!-- bench:network:start -->";
const END = "<!-- bench:network:end -->";
const TARGET_RUNS_PER_SECOND = 200;

type Case = { name: string; request: RunRequest; virtualTime: number };
type Figures = { name: string; runs: number; runsPerSecond: number; p50Ms: number; p95Ms: number; wallMs: number };

function flagValue(argv: string[], name: string, fallback: number): number {
  const index = argv.indexOf(name);
  const value = index >= 0 ? Number(argv[index + 1]) : fallback;
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

function cases(): Case[] {
  // Through the schema: it validates network.json with the sandbox's own rules (and strips nothing
  // once RunRequest has its `network` field; main() refuses to run before that).
  const code = readFileSync(path.join(CRAWLER, "solution.py"), "utf8");
  const network = JSON.parse(readFileSync(path.join(CRAWLER, "network.json"), "utf8")) as unknown;
  const crawler = runRequestSchema.parse({ code, network });
  // The same crawl over plain http: separates the cost of the virtual TLS handshakes.
  const plain = runRequestSchema.parse({ code: code.replaceAll("https://", "http://"), network });
  return [
    { name: "create_task example (sleep)", request: { code: readFileSync(CREATE_TASK, "utf8") }, virtualTime: 2 },
    { name: "aiohttp crawler, https (exercise 18)", request: crawler, virtualTime: 3 },
    { name: "aiohttp crawler, same over http", request: plain, virtualTime: 3 },
  ];
}

function checkResult(name: string, expected: number, result: RunResult): void {
  if (result.status !== "ok" || Math.abs(result.virtualTime - expected) > 0.01) {
    const why = result.error ? `${result.error.type}: ${result.error.message}` : `virtual time ${result.virtualTime}`;
    throw new Error(`${name}: expected status ok at t=${expected}, got ${result.status} (${why})`);
  }
}

function table(figures: Figures[], workers: number, load: number[]): string {
  const [sleep, net, plain] = figures;
  const rows = figures.map((f) => `| ${f.name} | ${f.runs} | ${f.runsPerSecond} | ${f.p50Ms} | ${f.p95Ms} |`);
  return [
    `Warm pool of ${workers} workers, ${os.cpus().length} cores, load average before ${load.map((l) => l.toFixed(2)).join(" ")}; rounds alternate between the programs.`,
    "",
    "| program | runs | runs/s | p50 ms | p95 ms |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    "",
    `Networked / sleeping throughput: ${round(net.runsPerSecond / sleep.runsPerSecond, 2)} over https, ${round(plain.runsPerSecond / sleep.runsPerSecond, 2)} over http (target for the crawler: >= ${TARGET_RUNS_PER_SECOND} runs/s: ${net.runsPerSecond >= TARGET_RUNS_PER_SECOND ? "met" : "NOT met"}).`,
  ].join("\n");
}

function writeSection(text: string, runs: number): void {
  const file = path.join(ROOT, "docs/performance.md");
  const block = [
    START,
    `Latest run (${new Date().toISOString().slice(0, 10)}), reproduce with \`npm run bench:network -- --runs ${runs} --write\`:`,
    "",
    text,
    END,
  ].join("\n");
  const current = existsSync(file) ? readFileSync(file, "utf8") : "# Performance\n";
  const next = current.includes(START)
    ? current.slice(0, current.indexOf(START)) + block + current.slice(current.indexOf(END) + END.length)
    : `${current.trimEnd()}\n\n## Networked runs (issue 15)\n\n${block}\n`;
  writeFileSync(file, next);
}

async function main(): Promise<void> {
  if (!("network" in runRequestSchema.shape)) {
    throw new Error(
      "bench:network needs the sandbox's virtual network (issue 15): RunRequest has no `network` field yet, so the crawler cannot run. Nothing measured.",
    );
  }
  const argv = process.argv.slice(2);
  const runs = flagValue(argv, "--runs", 600);
  const rounds = 6;
  const load = os.loadavg();
  const runner = createSandboxRunner();
  const status = runner.status();
  if (!status.available) throw new Error(status.message ?? "sandbox unavailable");
  const workers = status.poolSize;
  const all = cases();
  try {
    for (const c of all) checkResult(c.name, c.virtualTime, await runner.run(c.request)); // warm-up + sanity
    const totals = all.map(() => ({ latencies: [] as number[], elapsedMs: 0, runs: 0 }));
    for (let r = 0; r < rounds; r++) {
      for (const [i, c] of all.entries()) {
        const batch = await measureClosedLoop(Math.ceil(runs / rounds), workers, () => runner.run(c.request));
        batch.results.forEach((result) => checkResult(c.name, c.virtualTime, result));
        totals[i].latencies.push(...batch.latencies);
        totals[i].elapsedMs += batch.elapsedMs;
        totals[i].runs += batch.results.length;
      }
    }
    const figures: Figures[] = all.map((c, i) => ({
      name: c.name,
      runs: totals[i].runs,
      runsPerSecond: round(totals[i].runs / (totals[i].elapsedMs / 1000), 1),
      p50Ms: round(percentile(totals[i].latencies, 50), 1),
      p95Ms: round(percentile(totals[i].latencies, 95), 1),
      wallMs: round(totals[i].elapsedMs, 0),
    }));
    const text = table(figures, workers, load);
    process.stdout.write(`${text}\n`);
    if (argv.includes("--write")) writeSection(text, runs);
  } finally {
    await runner.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
