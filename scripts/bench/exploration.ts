/**
 * `npm run bench:exploration [-- --json] [--no-write]`
 *
 * The cost of schedule exploration per library exercise, through the real sandbox: for each
 * write-code exercise's reference solution, the schedules explored with the exercise's own budget
 * and with the budget left to the program's choice points (exhaustive up to 64), their wall time,
 * and the baseline measured in the same run: one warm run of the same program (seed 0), times the
 * exercise's K. Also checks that every reference passes and every wrong solution fails.
 * Writes the table to docs/performance.md ("Schedule exploration") unless --no-write.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { listLibrary } from "@/lib/exercises/list-library";
import { createSandboxRunner } from "@/lib/sandbox/create-sandbox-runner";
import type { RunRequest } from "@/lib/run-contract/run-result.types";
import { checkProgram } from "@/lib/grading/check-program";
import type { ProgramVerdict } from "@/lib/traces/check-schedules";

const UID_BASE = 63_300;
const HEADING = "## Schedule exploration";
const INTRO = [
  'The cost of exploring schedules (docs/sandbox.md "Schedules") per write-code library exercise, through',
  "the real sandbox pool (1 slot): the reference solution with the exercise's budget K (runs, wall ms, whether",
  'every schedule was covered) and with the budget left to its choice points ("auto": exhaustive up to 64',
  "schedules, else 16 PCT schedules), against the baseline measured in the same run — one warm run of the",
  "same program, and K times that (today's budget). A passing submission costs at most K runs, so grading stays",
  "within K × one run; exploration stops early when the tree has fewer leaves, and at the first failure.",
  '"wrong caught" counts the exercise\'s wrong solutions rejected with budget K.',
].join("\n");

interface Row {
  slug: string;
  k: number;
  singleMs: number;
  budgetRuns: number;
  budgetMs: number;
  budgetComplete: boolean;
  autoExplored: number;
  autoRuns: number;
  autoMs: number;
  autoStrategy: string;
  autoComplete: boolean;
  wrongCaught: string;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const round = (value: number) => Math.round(value * 10) / 10;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const runner = createSandboxRunner({ poolSize: 1, uidBase: UID_BASE });
  const run = (request: RunRequest) => runner.run(request);
  const rows: Row[] = [];
  try {
    for (const pkg of await listLibrary()) {
      if (pkg.kind !== "write-code") continue;
      const { manifest } = pkg;
      const common = { spec: pkg.expectedTrace, limits: manifest.limits, forbiddenNotes: manifest.forbiddenNotes, run };
      const singles: number[] = [];
      for (let i = 0; i < 7; i++) {
        const started = performance.now();
        await run({ code: pkg.solution, seed: 0, limits: manifest.limits });
        if (i >= 2) singles.push(performance.now() - started);
      }
      const timed = async (schedules: number | null) => {
        const started = performance.now();
        const verdict = await checkProgram({ ...common, code: pkg.solution, schedules });
        return { verdict, ms: performance.now() - started };
      };
      const k = manifest.schedules ?? 0;
      const budget = await timed(k || null);
      const auto = await timed(null);
      for (const [label, { verdict }] of [
        ["budget", budget],
        ["auto", auto],
      ] as const) {
        if (!verdict.passed)
          throw new Error(
            `${manifest.slug}: the reference fails (${label}) on seed ${verdict.failingSeed}: ${verdict.firstDivergence?.message}`,
          );
      }
      let caught = 0;
      for (const wrong of pkg.wrongSolutions) {
        const verdict: ProgramVerdict = await checkProgram({ ...common, code: wrong.code, schedules: k || null });
        if (!verdict.passed) caught++;
      }
      rows.push({
        slug: manifest.slug,
        k,
        singleMs: round(median(singles)),
        budgetRuns: budget.verdict.outcomes.length,
        budgetMs: round(budget.ms),
        budgetComplete: budget.verdict.complete,
        autoExplored: auto.verdict.explored,
        autoRuns: auto.verdict.outcomes.length,
        autoMs: round(auto.ms),
        autoStrategy: auto.verdict.strategy,
        autoComplete: auto.verdict.complete,
        wrongCaught: `${caught}/${pkg.wrongSolutions.length}`,
      });
      console.error(`[bench:exploration] ${manifest.slug} done`);
    }
  } finally {
    await runner.close();
  }
  if (argv.includes("--json")) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatTable(rows)}\n`);
  }
  if (!argv.includes("--no-write")) writeSection(rows);
}

function formatTable(rows: Row[]): string {
  const lines = [
    "| exercise | K | 1 run ms (baseline) | K × 1 run ms | with K: runs / ms / complete | auto: distinct / runs / ms | auto strategy | wrong caught |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const r of rows) {
    const kTimes = r.k ? round(r.k * r.singleMs) : "–";
    const budget = r.k ? `${r.budgetRuns} / ${r.budgetMs} / ${r.budgetComplete ? "yes" : "no"}` : "auto";
    const strategy = `${r.autoStrategy}${r.autoComplete ? ", complete" : ""}`;
    lines.push(
      `| ${r.slug} | ${r.k || "auto"} | ${r.singleMs} | ${kTimes} | ${budget} | ${r.autoExplored} / ${r.autoRuns} / ${r.autoMs} | ${strategy} | ${r.wrongCaught} |`,
    );
  }
  return lines.join("\n");
}

function writeSection(rows: Row[]): void {
  const file = path.join(process.cwd(), "docs/performance.md");
  const start = "<!-- bench:exploration:start -->";
  const end = "<!-- bench:exploration:end -->";
  const block = [
    start,
    `Latest run ${new Date().toISOString().slice(0, 10)}, \`npm run bench:exploration\`:`,
    "",
    formatTable(rows),
    end,
  ].join("\n");
  let text = existsSync(file) ? readFileSync(file, "utf8") : "# Performance\n";
  if (!text.includes(HEADING)) text = `${text.trimEnd()}\n\n${HEADING}\n\n${INTRO}\n\n${block}\n`;
  else if (text.includes(start) && text.includes(end))
    text = text.slice(0, text.indexOf(start)) + block + text.slice(text.indexOf(end) + end.length);
  else text = text.replace(HEADING, `${HEADING}\n\n${block}`);
  writeFileSync(file, text);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
