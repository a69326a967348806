import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import type { RunRequest } from "@/lib/run-contract/run-result.types";
import { toJsonVerdict } from "@/lib/traces/check-schedules";
import { SpecParseError } from "@/lib/traces/spec.types";
import { fakeRun } from "@/lib/traces/test-fake-run";
import { checkProgram } from "./check-program";
import { RetryableGradingError } from "./grading-queue.types";

const SPEC = "status: ok\n@1 {\n  [a] x\n  [b] y\n}\n@2 [main] total=2";

/** A fake sandbox (no schedule report, so plain seeds): seed 2 makes a shared counter lose an update. */
function fakeSandbox(calls: RunRequest[]) {
  return async (request: RunRequest) => {
    calls.push(request);
    const seed = request.seed ?? 0;
    const racy = seed === 2;
    return fakeRun(
      [
        [1, seed % 2 === 0 ? "a" : "b", seed % 2 === 0 ? "x" : "y"],
        [1, seed % 2 === 0 ? "b" : "a", seed % 2 === 0 ? "y" : "x"],
        [2, "main", racy ? "total=1" : "total=2"],
      ],
      { seed },
    );
  };
}

describe("checkProgram (the schedule loop)", () => {
  it("passes when every schedule passes and runs seeds 0..K-1 in order", async () => {
    const calls: RunRequest[] = [];
    const verdict = await checkProgram({ code: "print()", spec: SPEC, schedules: 2, run: fakeSandbox(calls) });
    expect(verdict).toMatchObject({ passed: true, score: 100, failingSeed: null, schedules: 2, strategy: "seeds" });
    expect(calls.map((c) => c.seed)).toEqual([0, 1]);
    expect(calls[0].code).toBe("print()");
  });

  it("stops at the first failing seed and carries that schedule's trace", async () => {
    const calls: RunRequest[] = [];
    const verdict = await checkProgram({ code: "print()", spec: SPEC, schedules: 4, run: fakeSandbox(calls) });
    expect(verdict).toMatchObject({ passed: false, failingSeed: 2 });
    expect(verdict.run.seed).toBe(2);
    expect(verdict.outcomes.map((o) => [o.seed, o.passed])).toEqual([[0, true], [1, true], [2, false]]);
    expect(calls).toHaveLength(3);
    expect(toJsonVerdict(verdict)).toMatchObject({ passed: false, failingSeed: 2, score: verdict.score });
  });

  it("runs exactly the window N..N+K-1 with --seed N, passing limits through", async () => {
    const calls: RunRequest[] = [];
    const verdict = await checkProgram({ code: "", spec: SPEC, schedules: 2, firstSeed: 3, limits: { maxSteps: 10 }, run: fakeSandbox(calls) });
    expect(verdict).toMatchObject({ passed: true, strategy: "window", explored: 2 });
    expect(calls.map((c) => [c.seed, c.limits])).toEqual([[3, { maxSteps: 10 }], [4, { maxSteps: 10 }]]);
  });

  it("reports tampering seen in any schedule", async () => {
    const run = async (request: RunRequest) => ({ ...(await fakeSandbox([])(request)), tamper: { reason: "print patched" } });
    const verdict = await checkProgram({ code: "", spec: SPEC, run });
    expect(verdict.tamper).toEqual({ reason: "print patched" });
  });

  it("rejects bad input, and turns a sandbox failure into an infrastructure error, never a verdict", async () => {
    const ok = async () => fakeRun([]);
    await expect(checkProgram({ code: "", spec: "{", run: ok })).rejects.toBeInstanceOf(SpecParseError);
    await expect(checkProgram({ code: "", spec: "", schedules: 0, run: ok })).rejects.toBeInstanceOf(AppError);
    const broken = async () => fakeRun([], { status: "sandbox_error", notes: ["bubblewrap is missing"] });
    const failure = checkProgram({ code: "", spec: SPEC, run: broken });
    await expect(failure).rejects.toBeInstanceOf(RetryableGradingError);
    await expect(failure).rejects.toThrow(/bubblewrap is missing/);
  });
});
