import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import type { RunRequest } from "@/lib/sandbox/run-result.types";
import { checkProgram, toJsonVerdict } from "./check-program";
import { SpecParseError } from "./spec.types";
import { fakeRun } from "./test-fake-run";

const SPEC = "status: ok\n@1 {\n  [a] x\n  [b] y\n}\n@2 [main] total=2";

/** A fake sandbox: seed 2 makes a naive shared counter lose an update. */
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

describe("checkProgram", () => {
  it("passes when every schedule passes and runs seeds 0..K-1 in order", async () => {
    const calls: RunRequest[] = [];
    const verdict = await checkProgram({ code: "print()", spec: SPEC, schedules: 2, run: fakeSandbox(calls) });
    expect(verdict).toMatchObject({ passed: true, score: 100, failingSeed: null, schedules: 2 });
    expect(calls.map((c) => c.seed)).toEqual([0, 1]);
    expect(calls[0].code).toBe("print()");
  });

  it("names the first failing seed and carries that schedule's trace", async () => {
    const calls: RunRequest[] = [];
    const verdict = await checkProgram({ code: "print()", spec: SPEC, schedules: 4, run: fakeSandbox(calls) });
    expect(verdict.passed).toBe(false);
    expect(verdict.failingSeed).toBe(2);
    expect(verdict.run.seed).toBe(2);
    expect(verdict.outcomes.map((o) => [o.seed, o.passed])).toEqual([[0, true], [1, true], [2, false]]);
    expect(calls).toHaveLength(3);
    expect(verdict.firstDivergence).toMatchObject({ reason: "text", actual: { text: "total=1" }, expected: { text: "total=2" } });
    expect(toJsonVerdict(verdict)).toMatchObject({ passed: false, failingSeed: 2, score: verdict.score });
    expect(verdict.score).toBeLessThan(100);
  });

  it("accepts a parsed spec, passes limits through and reports tampering", async () => {
    const run = async (request: RunRequest) => ({ ...fakeRun([[1, "a", "x"], [1, "b", "y"], [2, "main", "total=2"]]), seed: request.seed ?? 0, tamper: { reason: "print patched" } });
    const calls: RunRequest[] = [];
    const verdict = await checkProgram({ code: "", spec: SPEC, limits: { maxSteps: 10 }, run: async (r) => (calls.push(r), run(r)) });
    expect(verdict.tamper).toEqual({ reason: "print patched" });
    expect(calls[0].limits).toEqual({ maxSteps: 10 });
  });

  it("rejects bad input and sandbox failures", async () => {
    const ok = async () => fakeRun([]);
    await expect(checkProgram({ code: "", spec: "{", run: ok })).rejects.toBeInstanceOf(SpecParseError);
    await expect(checkProgram({ code: "", spec: "", schedules: 0, run: ok })).rejects.toBeInstanceOf(AppError);
    const broken = async () => fakeRun([], { status: "sandbox_error", notes: ["bubblewrap is missing"] });
    await expect(checkProgram({ code: "", spec: "", run: broken })).rejects.toThrow(/bubblewrap is missing/);
  });

  it("fails an otherwise passing run whose notes match a forbidden pattern, and only then", async () => {
    const run = async (request: RunRequest) => ({ ...(await fakeSandbox([])(request)), notes: ["legacy @asyncio.coroutine used (removed in Python 3.11)"] });
    const forbidden = await checkProgram({ code: "x", spec: SPEC, run, forbiddenNotes: ["^legacy @asyncio\\.coroutine"] });
    expect(forbidden).toMatchObject({ passed: false, failingSeed: 0, firstDivergence: { reason: "forbidden_note", code: "trace.forbidden_note" } });
    expect(forbidden.score).toBeLessThan(100);
    expect(forbidden.firstDivergence?.message).toContain("legacy @asyncio.coroutine");
    const allowed = await checkProgram({ code: "x", spec: SPEC, run, forbiddenNotes: ["^threads"] });
    expect(allowed.passed).toBe(true);
  });
});
