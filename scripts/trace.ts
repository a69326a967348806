/**
 * `npm run trace -- FILE.py [--json] [--seed N] [--network NET.json]`: run one file in the sandbox and print its trace.
 * With --json, stdout is exactly one RunResult object. Exit code 0 only for status "ok".
 * Checker flags (lib/traces/trace-cli.ts): `--record` prints the proposed expected spec;
 * `--expect SPEC [--schedules K]` checks the program and exits 0 only when it passes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createSandboxRunner } from "@/lib/sandbox/create-sandbox-runner";
import { formatTraceListing } from "@/lib/sandbox/format-trace-listing";
import { parseTraceArgs, type TraceArgs } from "@/lib/sandbox/parse-trace-args";
import { resolveInvocationPath } from "@/lib/sandbox/resolve-invocation-path";
import type { RunResult } from "@/lib/run-contract/run-result.types";
import { sandboxErrorResult } from "@/lib/sandbox/sandbox-error-result";
import { AppError } from "@/lib/errors/app-error";
import { loadNetworkSpec } from "@/lib/exercises/load-network-spec";
import type { NetworkSpec } from "@/lib/run-contract/network-spec.types";
import { exploreSchedules } from "@/lib/grading/explore-schedules";
import { checkProgram } from "@/lib/grading/check-program";
import { recordSpec } from "@/lib/traces/record-spec";
import { SpecParseError } from "@/lib/traces/spec.types";
import { buildTimeline } from "@/lib/timeline/build-timeline";
import { ENGLISH_TIMELINE_LABELS } from "@/lib/timeline/english-labels";
import { renderTimelineSvg } from "@/lib/timeline/render-timeline-svg";
import { splitSvgArg } from "@/lib/timeline/split-svg-arg";
import { timelineSvgNodes } from "@/lib/timeline/timeline-svg-nodes";
import {
  formatVerdictReport,
  splitTraceCheckArgs,
  TRACE_CHECK_USAGE,
  verdictExitCode,
  verdictJson,
} from "@/lib/traces/trace-cli";

const EXIT_USAGE = 2;

async function runFile(args: TraceArgs, network: NetworkSpec | null): Promise<RunResult> {
  let code: string;
  try {
    code = readFileSync(args.file, "utf8");
  } catch (error) {
    return sandboxErrorResult(
      `cannot read ${args.file}: ${error instanceof Error ? error.message : String(error)}`,
      args.seed,
    );
  }
  const runner = createSandboxRunner({ poolSize: 1 });
  try {
    return await runner.run({ code, seed: args.seed, network });
  } catch (error) {
    return sandboxErrorResult(error instanceof Error ? error.message : String(error), args.seed);
  } finally {
    await runner.close();
  }
}

/** `--expect SPEC [--schedules K]`: one runner for every schedule; exit 0 only when all pass. */
async function checkFile(
  args: TraceArgs,
  specPath: string,
  schedules: number,
  network: NetworkSpec | null,
): Promise<number> {
  let code: string;
  let spec: string;
  try {
    code = readFileSync(args.file, "utf8");
    spec = readFileSync(specPath, "utf8");
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_USAGE;
  }
  const runner = createSandboxRunner({ poolSize: 1 });
  try {
    const verdict = await checkProgram({
      code,
      spec,
      schedules,
      firstSeed: args.seed,
      run: (request) => runner.run({ ...request, network }),
    });
    process.stdout.write(
      args.json
        ? `${JSON.stringify(verdictJson(verdict))}\n`
        : `${formatTraceListing(verdict.run)}\n\n${formatVerdictReport(verdict)}\n`,
    );
    return verdictExitCode(verdict);
  } catch (error) {
    if (!(error instanceof SpecParseError || error instanceof AppError)) throw error;
    process.stderr.write(`${error instanceof SpecParseError ? `${specPath}: ` : ""}${error.message}\n`);
    return EXIT_USAGE;
  } finally {
    await runner.close();
  }
}

/** `--record [--schedules K]`: the proposed spec; other seeds show which same-instant lines may reorder. */
async function recordFile(args: TraceArgs, schedules: number, network: NetworkSpec | null): Promise<number> {
  let code: string;
  try {
    code = readFileSync(args.file, "utf8");
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_USAGE;
  }
  const runner = createSandboxRunner({ poolSize: 1 });
  try {
    const runs = await recordingRuns(args.seed, schedules, (seed) => runner.run({ code, seed, network }));
    const failed = runs.find((run) => run.status === "sandbox_error");
    if (failed) {
      process.stderr.write(`${formatTraceListing(failed)}\n`);
      return EXIT_USAGE;
    }
    const { text } = recordSpec(runs[0], { alternatives: runs.slice(1) });
    process.stdout.write(args.json ? `${JSON.stringify({ ...runs[0], recordedSpec: text })}\n` : text);
    return 0;
  } finally {
    await runner.close();
  }
}

/** Seed 0: the schedules exploration would check (budget K); --seed N: exactly seeds N..N+K-1. */
async function recordingRuns(
  firstSeed: number,
  schedules: number,
  run: (seed: number) => Promise<RunResult>,
): Promise<RunResult[]> {
  if (firstSeed > 0) {
    const runs: RunResult[] = [];
    for (let seed = firstSeed; seed < firstSeed + schedules; seed += 1) runs.push(await run(seed));
    return runs;
  }
  const exploration = await exploreSchedules({
    runOnce: run,
    report: (result) => result.schedule,
    failed: () => false,
    budget: schedules,
  });
  return exploration.runs.map(({ outcome }) => outcome);
}

/** `--svg OUT.svg`: the timeline picture the exercise page shows, as a standalone SVG file. */
function writeTimelineSvg(result: RunResult, file: string): void {
  const picture = buildTimeline(result, ENGLISH_TIMELINE_LABELS, { width: 900 });
  writeFileSync(file, renderTimelineSvg(timelineSvgNodes(picture)));
  process.stderr.write(`timeline picture written to ${file}\n`);
}

async function main(): Promise<number> {
  const svgSplit = splitSvgArg(process.argv.slice(2));
  if (!svgSplit.ok) {
    process.stderr.write(`${svgSplit.message}\n`);
    return EXIT_USAGE;
  }
  const split = splitTraceCheckArgs(svgSplit.rest);
  if (!split.ok) {
    process.stderr.write(`${split.message}\n`);
    return EXIT_USAGE;
  }
  const parsed = parseTraceArgs(split.rest);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n${TRACE_CHECK_USAGE}\n`);
    return EXIT_USAGE;
  }
  // npm runs scripts from the package root; FILE and SPEC are relative to where the user typed them.
  parsed.args.file = resolveInvocationPath(parsed.args.file);
  let network: NetworkSpec | null = null;
  try {
    if (parsed.args.network) network = await loadNetworkSpec({ file: resolveInvocationPath(parsed.args.network) });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return EXIT_USAGE;
  }
  if (split.check.expect)
    return checkFile(parsed.args, resolveInvocationPath(split.check.expect), split.check.schedules, network);
  if (split.check.record) return recordFile(parsed.args, split.check.schedules, network);
  const result = await runFile(parsed.args, network);
  if (svgSplit.svg) writeTimelineSvg(result, resolveInvocationPath(svgSplit.svg));
  process.stdout.write(
    parsed.args.json
      ? `${JSON.stringify(result)}\n`
      : `${formatTraceListing(result, { timeline: parsed.args.timeline })}\n`,
  );
  if (result.status === "ok") return 0;
  return result.status === "sandbox_error" ? EXIT_USAGE : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = EXIT_USAGE;
  },
);
