import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { createScheduleCheck, toJsonVerdict, withForbiddenNotes } from "./check-schedules";
import { checkTrace } from "./check-trace";
import { parseSpec } from "./parse-spec";
import { SpecParseError } from "./spec.types";
import { fakeRun } from "./test-fake-run";

const SPEC = "status: ok\n@1 {\n  [a] x\n  [b] y\n}\n@2 [main] total=2";

/** What a sandbox would print under `seed`: seed 2 makes a naive shared counter lose an update. */
function runFor(seed: number) {
  const even = seed % 2 === 0;
  const lines: [number, string, string][] = [
    [1, even ? "a" : "b", even ? "x" : "y"],
    [1, even ? "b" : "a", even ? "y" : "x"],
    [2, "main", seed === 2 ? "total=1" : "total=2"],
  ];
  return fakeRun(lines, { seed });
}

describe("createScheduleCheck", () => {
  it("passes when every schedule passed and keeps the first run", () => {
    const check = createScheduleCheck(SPEC, { schedules: 2 });
    expect(check.add(runFor(0))).toBe(true);
    expect(check.add(runFor(1))).toBe(true);
    const verdict = check.verdict();
    expect(verdict).toMatchObject({ passed: true, score: 100, failingSeed: null, schedules: 2 });
    expect(verdict.run.seed).toBe(0);
    expect(verdict.outcomes.map((o) => o.seed)).toEqual([0, 1]);
  });

  it("stops at the first failing schedule and reports its seed and trace", () => {
    const check = createScheduleCheck(SPEC, { schedules: 4 });
    expect([0, 1, 2].map((seed) => check.add(runFor(seed)))).toEqual([true, true, false]);
    expect(check.add(runFor(3))).toBe(false);
    const verdict = check.verdict();
    expect(verdict).toMatchObject({ passed: false, failingSeed: 2, schedules: 4 });
    expect(verdict.run.seed).toBe(2);
    expect(verdict.outcomes.map((o) => [o.seed, o.passed])).toEqual([
      [0, true],
      [1, true],
      [2, false],
    ]);
    const divergence = { reason: "text", actual: { text: "total=1" }, expected: { text: "total=2" } };
    expect(verdict.firstDivergence).toMatchObject(divergence);
    expect(toJsonVerdict(verdict)).toMatchObject({ passed: false, failingSeed: 2, score: verdict.score });
    expect(verdict.score).toBeLessThan(100);
  });

  it("accepts a parsed spec and reports tampering seen in any schedule", () => {
    const check = createScheduleCheck(parseSpec(SPEC), { schedules: 2 });
    check.add(runFor(0));
    check.add({ ...runFor(1), tamper: { reason: "print patched" } });
    expect(check.verdict().tamper).toEqual({ reason: "print patched" });
  });

  it("rejects a bad spec, a bad schedule count and a verdict before any run", () => {
    expect(() => createScheduleCheck("{", { schedules: 1 })).toThrow(SpecParseError);
    expect(() => createScheduleCheck("", { schedules: 0 })).toThrow(AppError);
    expect(() => createScheduleCheck("", { schedules: 51 })).toThrow(AppError);
    expect(() => createScheduleCheck("", { schedules: 1 }).verdict()).toThrow(AppError);
  });

  it("fails an otherwise passing run whose notes match a forbidden pattern, and only then", () => {
    const legacy = { ...runFor(0), notes: ["legacy @asyncio.coroutine used (removed in Python 3.11)"] };
    const forbidden = createScheduleCheck(SPEC, { schedules: 1, forbiddenNotes: ["^legacy @asyncio\\.coroutine"] });
    forbidden.add(legacy);
    const divergence = { reason: "forbidden_note", code: "trace.forbidden_note" };
    expect(forbidden.verdict()).toMatchObject({ passed: false, failingSeed: 0, firstDivergence: divergence });
    expect(forbidden.verdict().score).toBeLessThan(100);
    expect(forbidden.verdict().firstDivergence?.message).toContain("legacy @asyncio.coroutine");
    const allowed = createScheduleCheck(SPEC, { schedules: 1, forbiddenNotes: ["^threads"] });
    allowed.add(legacy);
    expect(allowed.verdict().passed).toBe(true);
    const failing = checkTrace(parseSpec("nope"), legacy);
    expect(withForbiddenNotes(failing, legacy, ["^legacy"])).toBe(failing);
  });
});
