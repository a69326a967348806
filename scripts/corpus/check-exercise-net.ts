/**
 * `npx tsx scripts/corpus/check-exercise-net.ts content/exercises/NN-slug [...]`
 *
 * Checks a networked exercise (one with network.json) against the REAL thing, before (or without)
 * the sandbox's virtual network: its solution and every wrong solution run under real CPython with the
 * real requests/aiohttp against the real local server (record-oracle.py --net-program), and each
 * real run is checked against expected.trace with the product's own checker. The reference must
 * pass; each wrong solution must fail with the divergence exercise.json declares. One real run per
 * program (seed 0 only: real CPython has no schedule seeds), so it takes the programs' real time.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { checkTrace } from "@/lib/traces/check-trace";
import { parseSpec } from "@/lib/traces/parse-spec";
import type { CheckableRun } from "@/lib/traces/verdict.types";

const ROOT = path.resolve(__dirname, "../..");

const oracleSchema = z.object({
  status: z.enum(["ok", "error", "deadlock"]),
  errorType: z.string().nullable(),
  errorMessage: z.string().nullable(),
  errorLine: z.number().nullable(),
  lines: z.array(z.object({ t: z.number(), stream: z.enum(["stdout", "stderr"]), text: z.string() })),
  endTime: z.number(),
});
const manifestSchema = z.object({
  wrongSolutions: z.array(z.object({ file: z.string(), divergence: z.string() })).default([]),
});

function realRun(program: string, network: string): CheckableRun {
  const script = path.join(ROOT, "scripts/corpus/record-oracle.py");
  const out = execFileSync("/usr/bin/python3", [script, "--net-program", program, network, "--json"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"], // retries on a loaded machine are reported on stderr
  });
  const oracle = oracleSchema.parse(JSON.parse(out));
  return {
    status: oracle.status,
    // Real threads have no virtual task names: the exercises' specs name no tasks.
    events: oracle.lines.map((line) => ({ ...line, task: "main" })),
    virtualTime: oracle.endTime,
    error: oracle.errorType
      ? { type: oracle.errorType, message: oracle.errorMessage ?? "", line: oracle.errorLine, traceback: "" }
      : null,
    limit: null,
  };
}

/** A run that never settled (machine load) is reported, not fatal: the other programs still run. */
function measure(program: string, network: string): CheckableRun | null {
  try {
    return realRun(program, network);
  } catch {
    console.log(`SKIP ${program}: real times never settled (machine load?); try again later`);
    return null;
  }
}

function checkExercise(dir: string): boolean {
  const spec = parseSpec(readFileSync(path.join(dir, "expected.trace"), "utf8"));
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(path.join(dir, "exercise.json"), "utf8")));
  const network = path.join(dir, "network.json");
  let ok = true;
  const solutionRun = measure(path.join(dir, "solution.py"), network);
  const reference = solutionRun && checkTrace(spec, solutionRun);
  if (reference) console.log(`${reference.passed ? "PASS" : "FAIL"} ${dir}/solution.py`);
  if (!reference?.passed) {
    ok = false;
    console.log(`  ${reference?.firstDivergence?.message ?? ""}`);
  }
  for (const wrong of manifest.wrongSolutions) {
    const run = measure(path.join(dir, wrong.file), network);
    if (!run) {
      ok = false;
      continue;
    }
    const verdict = checkTrace(spec, run);
    const reason = verdict.firstDivergence?.reason ?? "none";
    const good = !verdict.passed && reason === wrong.divergence;
    ok &&= good;
    console.log(`${good ? "PASS" : "FAIL"} ${dir}/${wrong.file}: ${reason} (declared ${wrong.divergence})`);
    if (!good || process.argv.includes("--verbose")) console.log(`  ${verdict.firstDivergence?.message ?? "passed"}`);
  }
  return ok;
}

const dirs = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
if (dirs.length === 0) {
  console.error("usage: npx tsx scripts/corpus/check-exercise-net.ts content/exercises/NN-slug [...] [--verbose]");
  process.exitCode = 2;
} else {
  process.exitCode = dirs.map(checkExercise).every(Boolean) ? 0 : 1;
}
