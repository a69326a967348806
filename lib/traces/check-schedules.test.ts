import { describe, expect, it } from "vitest";
import { checkRun, foldSchedules, toJsonVerdict, withForbiddenNotes } from "./check-schedules";
import { checkTrace } from "./check-trace";
import { parseSpec } from "./parse-spec";
import { fakeRun } from "./test-fake-run";

const SPEC = parseSpec("status: ok\n@1 {\n  [a] x\n  [b] y\n}\n@2 [main] total=2");

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

const meta = { schedules: 3, explored: 3, complete: false, strategy: "seeds" as const };

describe("foldSchedules", () => {
  it("passes when every schedule passed and shows the first run", () => {
    const runs = [0, 1].map((seed) => ({ seed, checked: checkRun(SPEC, runFor(seed)) }));
    const verdict = foldSchedules({ ...meta, runs });
    expect(verdict).toMatchObject({ passed: true, score: 100, failingSeed: null, schedules: 3, strategy: "seeds" });
    expect(verdict.run.seed).toBe(0);
    expect(verdict.outcomes.map((o) => o.seed)).toEqual([0, 1]);
  });

  it("shows the failing schedule: its seed, its trace, its first divergence", () => {
    const runs = [0, 1, 2].map((seed) => ({ seed, checked: checkRun(SPEC, runFor(seed)) }));
    const verdict = foldSchedules({ ...meta, runs });
    expect(verdict).toMatchObject({ passed: false, failingSeed: 2 });
    expect(verdict.run.seed).toBe(2);
    expect(verdict.outcomes.map((o) => [o.seed, o.passed])).toEqual([[0, true], [1, true], [2, false]]);
    expect(verdict.firstDivergence).toMatchObject({ reason: "text", actual: { text: "total=1" }, expected: { text: "total=2" } });
    expect(toJsonVerdict(verdict)).toMatchObject({ passed: false, failingSeed: 2, score: verdict.score, strategy: "seeds" });
    expect(verdict.score).toBeLessThan(100);
  });

  it("reports tampering seen in any schedule, and needs at least one run", () => {
    const runs = [
      { seed: 0, checked: checkRun(SPEC, runFor(0)) },
      { seed: 1, checked: checkRun(SPEC, { ...runFor(1), tamper: { reason: "print patched" } }) },
    ];
    expect(foldSchedules({ ...meta, runs }).tamper).toEqual({ reason: "print patched" });
    expect(() => foldSchedules({ ...meta, runs: [] })).toThrow();
  });
});

describe("withForbiddenNotes", () => {
  it("fails an otherwise passing run whose notes match a forbidden pattern, and only then", () => {
    const legacy = { ...runFor(0), notes: ["legacy @asyncio.coroutine used (removed in Python 3.11)"] };
    const forbidden = checkRun(SPEC, legacy, ["^legacy @asyncio\\.coroutine"]).verdict;
    expect(forbidden).toMatchObject({ passed: false, firstDivergence: { reason: "forbidden_note", code: "trace.forbidden_note" } });
    expect(forbidden.score).toBeLessThan(100);
    expect(forbidden.firstDivergence?.message).toContain("legacy @asyncio.coroutine");
    expect(checkRun(SPEC, legacy, ["^threads"]).verdict.passed).toBe(true);
    const failing = checkTrace(parseSpec("nope"), legacy);
    expect(withForbiddenNotes(failing, legacy, ["^legacy"])).toBe(failing);
  });
});
