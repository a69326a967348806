import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExercisePackage, PredictOutputPackage, WriteCodePackage } from "@/lib/exercises/exercise-package.types";
import { LIBRARY_DIR } from "@/lib/exercises/list-library";
import { loadExercisePackage } from "@/lib/exercises/load-exercise-package";
import { createSandboxRunner } from "@/lib/sandbox/create-sandbox-runner";
import type { RunRequest, RunResult } from "@/lib/run-contract/run-result.types";
import type { SandboxRunner } from "@/lib/sandbox/sandbox-runner.types";
import { checkPrediction } from "@/lib/traces/check-prediction";
import { recordSpec } from "@/lib/traces/record-spec";
import { checkProgram } from "@/lib/grading/check-program";
import type { ProgramVerdict } from "@/lib/traces/check-schedules";

/**
 * Every built-in exercise, end to end through the real sandbox: the reference passes its own
 * expected.trace under every schedule explored (its budget K, or its choice points when K is not
 * set); every wrong solution fails with the first divergence declared in exercise.json;
 * schedule-robustness mistakes pass seed 0 and fail another schedule; predict-output answers are
 * what the program prints and the wrong predictions are rejected.
 */

// The one place that decides how programs run (switch here to try another runner).
let runner: SandboxRunner;
beforeAll(() => {
  runner = createSandboxRunner({ poolSize: 1 });
});
afterAll(async () => {
  await runner.close();
});
const run = (request: RunRequest): Promise<RunResult> => runner.run(request);

// Folder names are read synchronously so each exercise gets its own describe block.
const SLUGS = readdirSync(LIBRARY_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
  .map((entry) => entry.name)
  .sort();

/** Only to split the describe blocks; the tests themselves load and validate the whole folder. */
function kindOf(slug: string): unknown {
  const manifest: unknown = JSON.parse(readFileSync(path.join(LIBRARY_DIR, slug, "exercise.json"), "utf8"));
  return typeof manifest === "object" && manifest !== null && "kind" in manifest ? manifest.kind : null;
}

const load = (slug: string): Promise<ExercisePackage> => loadExercisePackage({ dir: path.join(LIBRARY_DIR, slug) });

function check(
  pkg: ExercisePackage,
  code: string,
  schedules: number | null = pkg.manifest.schedules ?? null,
): Promise<ProgramVerdict> {
  return checkProgram({
    code,
    spec: pkg.expectedTrace,
    schedules,
    limits: pkg.manifest.limits,
    forbiddenNotes: pkg.manifest.forbiddenNotes,
    network: pkg.network,
    run,
  });
}

async function loadWriteCode(slug: string): Promise<WriteCodePackage> {
  const pkg = await load(slug);
  if (pkg.kind !== "write-code") throw new Error(`${slug} is not write-code`);
  return pkg;
}

async function loadPredict(slug: string): Promise<PredictOutputPackage> {
  const pkg = await load(slug);
  if (pkg.kind !== "predict-output") throw new Error(`${slug} is not predict-output`);
  return pkg;
}

it("the library has at least 14 exercises", () => {
  expect(SLUGS.length).toBeGreaterThanOrEqual(14);
});

describe.each(SLUGS)("%s", (slug) => {
  it("validates", async () => {
    const pkg = await load(slug);
    expect(pkg.manifest.slug).toBe(slug);
  });

  it("passes its own expected trace with the reference program under every schedule", async () => {
    const pkg = await load(slug);
    const verdict = await check(pkg, pkg.kind === "write-code" ? pkg.solution : pkg.program);
    expect(verdict.firstDivergence?.message ?? null).toBeNull();
    expect(verdict.passed).toBe(true);
    expect(verdict.outcomes[0]?.seed).toBe(0);
    expect(verdict.outcomes.length).toBeLessThanOrEqual(pkg.manifest.schedules ?? 64);
    if (verdict.complete) expect(verdict.explored).toBe(verdict.outcomes.length);
  });
});

const WRITE_CODE = SLUGS.filter((slug) => kindOf(slug) === "write-code");

describe.each(WRITE_CODE)("%s (write code)", (slug) => {
  it("does not accept the untouched starter", async () => {
    const pkg = await loadWriteCode(slug);
    const verdict = await check(pkg, pkg.starter);
    expect(verdict.passed).toBe(false);
  });

  it("rejects every wrong solution with the declared first divergence", async () => {
    const pkg = await loadWriteCode(slug);
    expect(pkg.wrongSolutions.length).toBeGreaterThanOrEqual(1);
    for (const wrong of pkg.wrongSolutions) {
      const verdict = await check(pkg, wrong.code);
      const where = `${slug}/${wrong.file}`;
      expect(verdict.passed, where).toBe(false);
      expect(verdict.firstDivergence?.reason, `${where}: ${verdict.firstDivergence?.message}`).toBe(wrong.divergence);
      expect(verdict.firstDivergence?.message.length, where).toBeGreaterThan(20);
      expect(verdict.score, where).toBeLessThan(100);
      expect(verdict.run.status, where).toBe(wrong.status ?? "ok");
      if (wrong.passesSeed0) {
        // The naive program looks right under CPython's own order and fails another schedule.
        expect(verdict.failingSeed, where).toBeGreaterThanOrEqual(1);
        expect(
          verdict.outcomes.map((outcome) => outcome.seed),
          where,
        ).toContain(verdict.failingSeed);
        const seed0 = await check(pkg, wrong.code, 1);
        expect(seed0.passed, `${where} on seed 0`).toBe(true);
      } else {
        expect(verdict.failingSeed, where).toBe(0);
      }
    }
  });
});

describe("schedule-robustness exercises", () => {
  it("exist: each explores 2+ schedules and has a naive solution that passes seed 0", async () => {
    const packages = await Promise.all(WRITE_CODE.map(loadWriteCode));
    const robust = packages.filter(
      (pkg) => (pkg.manifest.schedules ?? 0) >= 2 && pkg.wrongSolutions.some((wrong) => wrong.passesSeed0),
    );
    expect(robust.map((pkg) => pkg.manifest.slug)).toEqual([
      "04-ensure-future-run-until-complete",
      "11-shared-counter-lock",
      "12-order-with-event",
    ]);
  });
});

describe("forbidden notes (legacy @asyncio.coroutine)", () => {
  it("the legacy starter prints the expected trace, and only the note rejects it", async () => {
    const pkg = await loadWriteCode("03-coroutine-decorator-to-async");
    const traceOnly = await checkProgram({
      code: pkg.starter,
      spec: pkg.expectedTrace,
      limits: pkg.manifest.limits,
      run,
    });
    expect(traceOnly.passed).toBe(true);
    const verdict = await check(pkg, pkg.starter);
    expect(verdict.passed).toBe(false);
    expect(verdict.score).toBeLessThan(100);
    expect(verdict.firstDivergence).toMatchObject({ reason: "forbidden_note", code: "trace.forbidden_note" });
    expect(verdict.firstDivergence?.actual?.text).toMatch(/^legacy @asyncio\.coroutine/);
  });
});

const PREDICT = SLUGS.filter((slug) => kindOf(slug) === "predict-output");

describe.each(PREDICT)("%s (predict the output)", (slug) => {
  it("its answer is exactly what the program prints", async () => {
    const pkg = await loadPredict(slug);
    const result = await run({ code: pkg.program, seed: 0, limits: pkg.manifest.limits, network: pkg.network });
    const printed = result.events.filter((event) => event.stream === "stdout").map((event) => event.text);
    expect(printed).toEqual(pkg.answer.lines);
    expect(checkPrediction(pkg.answer.lines, recordSpec(result).spec).passed).toBe(true);
  });

  it("accepts the answer and rejects every wrong prediction", async () => {
    const pkg = await loadPredict(slug);
    expect(checkPrediction(pkg.answer.lines, pkg.expectedTrace).passed).toBe(true);
    expect(pkg.answer.wrongPredictions.length).toBeGreaterThanOrEqual(2);
    for (const wrong of pkg.answer.wrongPredictions) {
      const verdict = checkPrediction(wrong.lines, pkg.expectedTrace);
      expect(verdict.passed, `${slug}: ${wrong.mistake.en}`).toBe(false);
      expect(verdict.firstDivergence, slug).not.toBeNull();
    }
  });
});

it("there are at least 3 predict-the-output exercises", () => {
  expect(PREDICT.length).toBeGreaterThanOrEqual(3);
});
