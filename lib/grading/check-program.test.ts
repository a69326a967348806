import { describe, expect, it } from "vitest";
import type { RunRequest } from "@/lib/run-contract/run-result.types";
import { fakeRun } from "@/lib/traces/test-fake-run";
import { checkProgram, seedRange } from "./check-program";
import { RetryableGradingError } from "./grading-queue.types";

const SPEC = "status: ok\n@1 [a] x\n@2 [main] total=2";

/** A fake sandbox that records its requests; seed 2 loses an update. */
function fakeSandbox(calls: RunRequest[]) {
  return async (request: RunRequest) => {
    calls.push(request);
    const seed = request.seed ?? 0;
    return fakeRun(
      [
        [1, "a", "x"],
        [2, "main", seed === 2 ? "total=1" : "total=2"],
      ],
      { seed },
    );
  };
}

describe("checkProgram (the schedule loop)", () => {
  it("runs seeds 0..K-1 in order with the code and limits, and passes when all pass", async () => {
    const calls: RunRequest[] = [];
    const verdict = await checkProgram({
      code: "print()",
      spec: SPEC,
      schedules: 2,
      limits: { maxSteps: 10 },
      run: fakeSandbox(calls),
    });
    expect(verdict).toMatchObject({ passed: true, failingSeed: null, schedules: 2 });
    expect(calls.map((c) => [c.seed, c.code, c.limits])).toEqual([
      [0, "print()", { maxSteps: 10 }],
      [1, "print()", { maxSteps: 10 }],
    ]);
  });

  it("stops running at the first failing seed", async () => {
    const calls: RunRequest[] = [];
    const verdict = await checkProgram({ code: "", spec: SPEC, schedules: 5, run: fakeSandbox(calls) });
    expect(verdict).toMatchObject({ passed: false, failingSeed: 2 });
    expect(calls.map((c) => c.seed)).toEqual([0, 1, 2]);
  });

  it("takes any seed strategy, drawing seeds lazily", async () => {
    const calls: RunRequest[] = [];
    const drawn: number[] = [];
    function* strategy() {
      for (const seed of [7, 2, 9]) {
        drawn.push(seed);
        yield seed;
      }
    }
    const verdict = await checkProgram({
      code: "",
      spec: SPEC,
      schedules: 3,
      seeds: strategy(),
      run: fakeSandbox(calls),
    });
    expect(verdict.failingSeed).toBe(2);
    expect(drawn).toEqual([7, 2]);
    expect([...seedRange(3, 2)]).toEqual([3, 4]);
  });

  it("turns a sandbox failure into an infrastructure error, never a verdict", async () => {
    const broken = async () => fakeRun([], { status: "sandbox_error", notes: ["bubblewrap is missing"] });
    const failure = checkProgram({ code: "", spec: SPEC, run: broken });
    await expect(failure).rejects.toBeInstanceOf(RetryableGradingError);
    await expect(failure).rejects.toThrow(/bubblewrap is missing/);
  });
});
