/**
 * The dashboard's "most common mistakes": wrong programs of the built-in library, run in the real
 * sandbox and checked against their exercise's spec, group by their first divergence the way the
 * library's manifests describe them (kind of divergence), with the same mistake counted once per
 * submission and per student.
 */
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { groupWrongAnswers, type FailedAttempt } from "@/lib/dashboard/group-wrong-answers";
import type { WriteCodePackage } from "@/lib/exercises/exercise-package.types";
import { LIBRARY_DIR } from "@/lib/exercises/list-library";
import { loadExercisePackage } from "@/lib/exercises/load-exercise-package";
import { createSandboxRunner } from "@/lib/sandbox/create-sandbox-runner";
import type { SandboxRunner } from "@/lib/sandbox/sandbox-runner.types";
import { checkProgram } from "@/lib/grading/check-program";

let runner: SandboxRunner;
beforeAll(() => {
  runner = createSandboxRunner({ poolSize: 1 });
});
afterAll(async () => {
  await runner.close();
});

async function load(slug: string): Promise<WriteCodePackage> {
  const pkg = await loadExercisePackage({ dir: path.join(LIBRARY_DIR, slug) });
  if (pkg.kind !== "write-code") throw new Error(`${slug} is not write-code`);
  return pkg;
}

/** The first divergence of each program (run once each: identical programs diverge identically). */
async function divergences(pkg: WriteCodePackage, codes: string[]): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  for (const code of new Set(codes)) {
    const verdict = await checkProgram({
      code,
      spec: pkg.expectedTrace,
      schedules: 1,
      limits: pkg.manifest.limits,
      run: (request) => runner.run(request),
    });
    out.set(code, verdict.passed ? null : verdict.firstDivergence);
  }
  return out;
}

it("groups the library's wrong programs by their first divergence, most common first", async () => {
  const pkg = await load("01-greenlet-ping-pong");
  const [switchFirst, noSwitchBack] = ["wrong/switch-before-print.py", "wrong/no-switch-back.py"].map((file) => {
    const wrong = pkg.wrongSolutions.find((entry) => entry.file === file);
    if (!wrong) throw new Error(`missing ${file}`);
    return wrong;
  });
  // Three students make the first mistake (one of them twice), one the second, one passes.
  const submissions: [string, string][] = [
    ["u1", switchFirst.code],
    ["u2", switchFirst.code],
    ["u2", switchFirst.code],
    ["u3", switchFirst.code],
    ["u4", noSwitchBack.code],
    ["u5", pkg.solution],
  ];
  const found = await divergences(
    pkg,
    submissions.map(([, code]) => code),
  );
  const attempts: FailedAttempt[] = submissions
    .filter(([, code]) => found.get(code))
    .map(([userId, code], index) => ({ submissionId: `s${index}`, userId, firstDivergence: found.get(code) }));

  const groups = groupWrongAnswers(attempts);
  expect(groups.map((group) => [group.reason, group.count, group.students])).toEqual([
    [switchFirst.divergence, 4, 3],
    [noSwitchBack.divergence, 1, 1],
  ]);
  expect(groups[0].exampleSubmissionId).toBe("s0");
  // What the projector shows: the expected line and what was printed instead.
  expect(groups[0].expected?.text).toBeTruthy();
  expect(groups[1].expected?.text).toBeTruthy();
  expect(groups[0].key).not.toBe(groups[1].key);
}, 120_000);
