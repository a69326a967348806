/**
 * Fidelity corpus (issue 3): every program of tests/fixtures/corpus/ must reproduce, under the
 * virtual-time harness, what real CPython printed in real time (the *.oracle.json files recorded by
 * scripts/corpus/record-oracle.py): same output lines in the same order, each at the same time
 * (±0.05 s), the same end time (±0.05 s) and the same status / error.
 *
 * Runner switch: FIDELITY_RUNNER=cli (default) runs the harness CLI directly with /usr/bin/python3;
 * FIDELITY_RUNNER=sandbox goes through lib/sandbox's createSandboxRunner() (bubblewrap pool).
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createSandboxRunner } from "@/lib/sandbox/create-sandbox-runner";
import { OUTPUT_STREAMS, runResultSchema, type RunResult } from "@/lib/run-contract/run-result.types";

const ROOT = path.resolve(__dirname, "../..");
const CORPUS = path.join(ROOT, "tests/fixtures/corpus");
const PYTHON = "/usr/bin/python3";
/** The harness's development CLI (`-I` safe bootstrap); FIDELITY_HARNESS_CLI overrides it. */
const HARNESS_CLI = "lib/sandbox/python/interleave_cli.py";
const TIME_TOLERANCE = 0.05;

type RunProgram = (file: string) => Promise<RunResult>;

/** The one place to switch runners: the CLI today, the real sandbox when FIDELITY_RUNNER=sandbox. */
function createProgramRunner(): { run: RunProgram; close: () => Promise<void> } {
  if (process.env.FIDELITY_RUNNER === "sandbox") return createSandboxProgramRunner();
  return { run: runThroughCli, close: async () => {} };
}

async function runThroughCli(file: string): Promise<RunResult> {
  const cli = process.env.FIDELITY_HARNESS_CLI ?? path.join(ROOT, HARNESS_CLI);
  if (!existsSync(cli)) throw new Error(`harness CLI not found at ${cli}`);
  const stdout = await new Promise<string>((resolve, reject) => {
    const options = {
      // NODE_ENV only because the project's ProcessEnv type requires it; the harness ignores it.
      env: { PYTHONHASHSEED: "0", PATH: "/usr/bin:/bin", LANG: "C.UTF-8", NODE_ENV: "test" as const },
      cwd: CORPUS,
      timeout: 30_000,
      maxBuffer: 16 * 1024 * 1024,
      encoding: "utf8" as const,
    };
    // A program that fails may make the CLI exit non-zero: its JSON on stdout is still the answer.
    // Unsandboxed: rlimits keep a runaway program (or a harness bug) from eating the machine.
    const bounded = [`--as=${2 * 1024 ** 3}`, "--cpu=60", PYTHON, "-I", cli, file, "--json"];
    execFile("/usr/bin/prlimit", bounded, options, (error, out, err) => {
      if (out.trim()) resolve(out);
      else reject(new Error(`harness printed nothing (${error?.message ?? "exit 0"}): ${err.slice(0, 500)}`));
    });
  });
  return runResultSchema.parse(JSON.parse(stdout));
}

function createSandboxProgramRunner(): { run: RunProgram; close: () => Promise<void> } {
  const runner = createSandboxRunner();
  return {
    run: async (file) => runner.run({ code: readFileSync(file, "utf8") }),
    close: () => runner.close(),
  };
}

// ---------------------------------------------------------------------------------------------------

const oracleSchema = z.object({
  program: z.string(),
  status: z.enum(["ok", "error", "deadlock"]),
  errorType: z.string().nullable(),
  errorMessage: z.string().nullable(),
  errorLine: z.number().int().nullable(),
  lines: z.array(z.object({ t: z.number(), stream: z.enum(OUTPUT_STREAMS), text: z.string() })),
  endTime: z.number(),
  recordedWith: z.string(),
});
type Oracle = z.infer<typeof oracleSchema>;

const ADDRESS = /0x[0-9a-fA-F]+/g;
/** Any *.py path, absolute or relative (the harness runs the program from its own fixed path). */
const PY_PATH = /(?<![\w.\-/])(?:\/?[\w.\-]+\/)*[\w.\-]+\.py(?!\w)/g;
const TASK_SET = /^\{(<Task .*>)\}$/;

/** Same masking as normalise() in scripts/corpus/record-oracle.py (the oracles are stored masked). */
function normaliseLine(text: string): string {
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
function compareWithOracle(oracle: Oracle, result: RunResult): string[] {
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

// ---------------------------------------------------------------------------------------------------

const programs = readdirSync(CORPUS)
  .filter((name) => /^\d\d-.*\.py$/.test(name))
  .sort();

function loadOracle(program: string): Oracle {
  const file = path.join(CORPUS, program.replace(/\.py$/, ".oracle.json"));
  return oracleSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}

describe("fidelity corpus: virtual-time harness vs real CPython", () => {
  const runner = createProgramRunner();
  const summary: string[] = [];
  afterAll(async () => {
    await runner.close();
    // One line per program so a failing run tells at a glance which programs diverge and how.
    console.log(`fidelity summary:\n${summary.sort().join("\n")}`);
  });

  it("has at least 30 programs, each with an oracle recorded by real CPython", () => {
    expect(programs.length).toBeGreaterThanOrEqual(30);
    for (const program of programs) {
      const oracle = loadOracle(program);
      expect(oracle.program).toBe(program);
      expect(oracle.recordedWith).toMatch(/^CPython 3\.11\.\d+ real time$/);
    }
  });

  it.each(programs)("%s reproduces its oracle", async (program) => {
    const oracle = loadOracle(program);
    let problems: string[];
    try {
      problems = compareWithOracle(oracle, await runner.run(path.join(CORPUS, program)));
    } catch (error) {
      problems = [`run failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`];
    }
    summary.push(`${problems.length === 0 ? "PASS" : "FAIL"} ${program}${problems.length ? `: ${problems[0]}` : ""}`);
    expect(problems).toEqual([]);
  });
});
