/**
 * Shared by the fidelity tests (sandbox-fidelity.test.ts for tests/fixtures/corpus, and
 * sandbox-fidelity-net.test.ts for the networked tests/fixtures/corpus-net): the oracle format written
 * by scripts/corpus/record-oracle.py, the same text masking, the comparison of a run with its oracle,
 * and running a program through the harness CLI.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { OUTPUT_STREAMS, runResultSchema, type RunResult } from "@/lib/run-contract/run-result.types";

export const ROOT = path.resolve(__dirname, "../..");
const PYTHON = "/usr/bin/python3";
/** The harness's development CLI (`-I` safe bootstrap); FIDELITY_HARNESS_CLI overrides it. */
const HARNESS_CLI = "lib/sandbox/python/interleave_cli.py";
/** Oracle times are real times rounded to 0.1 s; a run must land within this of them. */
export const TIME_TOLERANCE = 0.05;

export const oracleSchema = z.object({
  program: z.string(),
  status: z.enum(["ok", "error", "deadlock"]),
  errorType: z.string().nullable(),
  errorMessage: z.string().nullable(),
  errorLine: z.number().int().nullable(),
  lines: z.array(z.object({ t: z.number(), stream: z.enum(OUTPUT_STREAMS), text: z.string() })),
  endTime: z.number(),
  recordedWith: z.string(),
  /** Networked oracles only: the raw real elapsed time before rounding. */
  realElapsed: z.number().optional(),
});
export type Oracle = z.infer<typeof oracleSchema>;

export function loadOracle(file: string): Oracle {
  return oracleSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}

/**
 * Runs one program through the harness CLI (unsandboxed, bounded by rlimits) from `cwd`; `extraArgs`
 * go after the file (e.g. `--network NET.json`).
 */
export async function runThroughCli(file: string, cwd: string, extraArgs: string[] = []): Promise<RunResult> {
  const cli = process.env.FIDELITY_HARNESS_CLI ?? path.join(ROOT, HARNESS_CLI);
  if (!existsSync(cli)) throw new Error(`harness CLI not found at ${cli}`);
  const stdout = await new Promise<string>((resolve, reject) => {
    const options = {
      // NODE_ENV only because the project's ProcessEnv type requires it; the harness ignores it.
      env: { PYTHONHASHSEED: "0", PATH: "/usr/bin:/bin", LANG: "C.UTF-8", NODE_ENV: "test" as const },
      cwd,
      timeout: 30_000,
      maxBuffer: 16 * 1024 * 1024,
      encoding: "utf8" as const,
    };
    // A program that fails may make the CLI exit non-zero: its JSON on stdout is still the answer.
    // Unsandboxed: rlimits keep a runaway program (or a harness bug) from eating the machine.
    const bounded = [`--as=${2 * 1024 ** 3}`, "--cpu=60", PYTHON, "-I", cli, file, "--json", ...extraArgs];
    execFile("/usr/bin/prlimit", bounded, options, (error, out, err) => {
      if (out.trim()) resolve(out);
      else reject(new Error(`harness printed nothing (${error?.message ?? "exit 0"}): ${err.slice(0, 500)}`));
    });
  });
  return runResultSchema.parse(JSON.parse(stdout));
}

/** Real addresses, and the sandbox's stable placeholders (0xADDR1, 0xADDR2, ...). */
const ADDRESS = /0x(?:ADDR\d*|[0-9a-fA-F]+)/g;
/** Any *.py path, absolute or relative (the harness runs the program from its own fixed path). */
const PY_PATH = /(?<![\w.\-/])(?:\/?[\w.\-]+\/)*[\w.\-]+\.py(?!\w)/g;
const TASK_SET = /^\{(<Task .*>)\}$/;

/** Same masking as normalise() in scripts/corpus/record-oracle.py (the oracles are stored masked). */
export function normaliseLine(text: string): string {
  const masked = text.replace(ADDRESS, "0xADDR").replace(PY_PATH, "<file>");
  const set = TASK_SET.exec(masked);
  if (!set) return masked;
  // A printed set of tasks iterates in hash order, which CPython does not fix: compare it sorted.
  const items = set[1].slice("<Task ".length, -1).split(">, <Task ").sort(codePointCompare);
  return `{${items.map((item) => `<Task ${item}>`).join(", ")}}`;
}

function codePointCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type Line = { t: number; stream: string; text: string };

/** Every difference between the oracle and a run, as short human-readable strings. */
export function compareWithOracle(oracle: Oracle, result: RunResult): string[] {
  const problems: string[] = [];
  if (result.status !== oracle.status) {
    const why = result.error ? ` (${result.error.type}: ${result.error.message})` : "";
    problems.push(`status: expected ${oracle.status}, got ${result.status}${why}`);
  }
  if (oracle.status === "error") {
    const got = result.error;
    if (got?.type !== oracle.errorType) problems.push(`error.type: expected ${oracle.errorType}, got ${got?.type}`);
    if (got && normaliseLine(got.message) !== oracle.errorMessage) {
      problems.push(
        `error.message: expected ${JSON.stringify(oracle.errorMessage)}, got ${JSON.stringify(got.message)}`,
      );
    }
    if (got && got.line !== oracle.errorLine)
      problems.push(`error.line: expected ${oracle.errorLine}, got ${got.line}`);
  }
  if (Math.abs(result.virtualTime - oracle.endTime) > TIME_TOLERANCE) {
    problems.push(`end time: expected ${oracle.endTime}, got ${result.virtualTime}`);
  }
  const outputStreams: readonly string[] = OUTPUT_STREAMS;
  const got: Line[] = result.events
    .filter((e) => outputStreams.includes(e.stream))
    .map((e) => ({ t: e.t, stream: e.stream, text: normaliseLine(e.text) }));
  const count = Math.max(got.length, oracle.lines.length);
  for (let i = 0; i < count; i++) {
    const want = oracle.lines[i];
    const have = got[i];
    if (!sameLine(want, have)) problems.push(`line ${i + 1}: expected ${show(want)}, got ${show(have)}`);
  }
  return problems;
}

function sameLine(want: Line | undefined, have: Line | undefined): boolean {
  if (!want || !have) return false;
  return want.stream === have.stream && want.text === have.text && Math.abs(want.t - have.t) <= TIME_TOLERANCE;
}

function show(line: Line | undefined): string {
  if (!line) return "(nothing)";
  return `${line.t.toFixed(2)} ${line.stream} ${JSON.stringify(line.text)}`;
}

/** Runs `compare` and turns a crash of the run itself into one problem line (never throws). */
export async function problemsOf(run: () => Promise<RunResult>, oracle: Oracle): Promise<string[]> {
  try {
    return compareWithOracle(oracle, await run());
  } catch (error) {
    return [`run failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`];
  }
}
