/**
 * Fidelity corpus (issue 3): every program of tests/fixtures/corpus/ must reproduce, under the
 * virtual-time harness, what real CPython printed in real time (the *.oracle.json files recorded by
 * scripts/corpus/record-oracle.py): same output lines in the same order, each at the same time
 * (±0.05 s), the same end time (±0.05 s) and the same status / error. The oracle format and the
 * comparison live in fidelity-oracle.ts (shared with the networked corpus).
 *
 * Runner switch: FIDELITY_RUNNER=cli (default) runs the harness CLI directly with /usr/bin/python3;
 * FIDELITY_RUNNER=sandbox goes through lib/sandbox's createSandboxRunner() (bubblewrap pool).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createSandboxRunner } from "@/lib/sandbox/create-sandbox-runner";
import type { RunResult } from "@/lib/run-contract/run-result.types";
import { loadOracle, problemsOf, ROOT, runThroughCli, type Oracle } from "./fidelity-oracle";

const CORPUS = path.join(ROOT, "tests/fixtures/corpus");

type RunProgram = (file: string) => Promise<RunResult>;

/** The one place to switch runners: the CLI today, the real sandbox when FIDELITY_RUNNER=sandbox. */
function createProgramRunner(): { run: RunProgram; close: () => Promise<void> } {
  if (process.env.FIDELITY_RUNNER === "sandbox") return createSandboxProgramRunner();
  return { run: (file) => runThroughCli(file, CORPUS), close: async () => {} };
}

function createSandboxProgramRunner(): { run: RunProgram; close: () => Promise<void> } {
  const runner = createSandboxRunner();
  return {
    run: async (file) => runner.run({ code: readFileSync(file, "utf8") }),
    close: () => runner.close(),
  };
}

// ---------------------------------------------------------------------------------------------------

const programs = readdirSync(CORPUS)
  .filter((name) => /^\d\d-.*\.py$/.test(name))
  .sort();

function oracleOf(program: string): Oracle {
  return loadOracle(path.join(CORPUS, program.replace(/\.py$/, ".oracle.json")));
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
      const oracle = oracleOf(program);
      expect(oracle.program).toBe(program);
      expect(oracle.recordedWith).toMatch(/^CPython 3\.11\.\d+ real time$/);
    }
  });

  it.each(programs)("%s reproduces its oracle", async (program) => {
    const problems = await problemsOf(() => runner.run(path.join(CORPUS, program)), oracleOf(program));
    summary.push(`${problems.length === 0 ? "PASS" : "FAIL"} ${program}${problems.length ? `: ${problems[0]}` : ""}`);
    expect(problems).toEqual([]);
  });
});
