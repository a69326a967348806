import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkTrace } from "./check-trace";
import { parseSpec } from "./parse-spec";
import { recordSpec } from "./record-spec";
import { fakeRun, type FakeLine } from "./test-fake-run";

/**
 * Property tests of the matcher against specs recorded from generated traces.
 * Instants are at least 0.5 s apart, far outside the default time tolerance.
 */

const TASKS = ["main", "n1", "n2", "Task-3", "my task"];
const SYNTAXY = [
  "*",
  "...",
  "{",
  "}",
  "# c",
  "status: ok",
  "[1, 2]",
  "[n1] x",
  "@2",
  "/x/",
  '"q"',
  "\\",
  "",
  "  lead",
  "tail ",
  "stderr: e",
  "任务完成",
  "<obj at 0x7f00aa12>",
];
const textArb = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...SYNTAXY));
const lineArb = fc.record({ task: fc.constantFrom(...TASKS), text: textArb, stderr: fc.boolean() });

/** Blocks of lines, one block per instant. */
const instantsArb = (maxPerInstant: number) =>
  fc.array(
    fc.record({
      gap: fc.constantFrom(0.5, 1, 2),
      lines: fc.array(lineArb, { minLength: 1, maxLength: maxPerInstant }),
    }),
    { minLength: 1, maxLength: 6 },
  );

type Instant = { t: number; lines: FakeLine[] };

function toInstants(blocks: { gap: number; lines: { task: string; text: string; stderr: boolean }[] }[]): Instant[] {
  let t = 0;
  return blocks.map((block, i) => {
    if (i > 0) t += block.gap;
    return { t, lines: block.lines.map((l): FakeLine => [t, l.task, l.text, l.stderr ? "stderr" : "stdout"]) };
  });
}

const flatten = (instants: Instant[]) => instants.flatMap((i) => i.lines);
const specOf = (lines: FakeLine[]) => parseSpec(recordSpec(fakeRun(lines)).text);
const isGrouped = (instant: Instant) => instant.lines.length > 1 && new Set(instant.lines.map((l) => l[1])).size > 1;

describe("checkTrace properties", () => {
  it("a trace always matches the spec recorded from it", () => {
    fc.assert(
      fc.property(instantsArb(4), fc.constantFrom("ok", "deadlock"), (blocks, status) => {
        const run = fakeRun(flatten(toInstants(blocks)), { status: status === "ok" ? "ok" : "deadlock" });
        const verdict = checkTrace(parseSpec(recordSpec(run).text), run);
        expect(verdict.firstDivergence).toBeNull();
        expect(verdict.score).toBe(100);
      }),
    );
  });

  it("shuffling the lines of a same-instant group still matches", () => {
    fc.assert(
      fc.property(instantsArb(4), fc.infiniteStream(fc.nat()), (blocks, randomness) => {
        const instants = toInstants(blocks);
        const spec = specOf(flatten(instants));
        const shuffled = instants.map((instant) => {
          if (!isGrouped(instant)) return instant;
          const lines = [...instant.lines];
          for (let i = lines.length - 1; i > 0; i--) {
            const j = randomness.next().value % (i + 1);
            [lines[i], lines[j]] = [lines[j], lines[i]];
          }
          return { ...instant, lines };
        });
        expect(checkTrace(spec, fakeRun(flatten(shuffled))).passed).toBe(true);
      }),
    );
  });

  it("moving a line to another instant does not match", () => {
    fc.assert(
      fc.property(
        instantsArb(3).filter((b) => b.length >= 2),
        fc.nat(),
        fc.nat(),
        (blocks, fromSeed, toSeed) => {
          const instants = toInstants(blocks);
          const spec = specOf(flatten(instants));
          const from = fromSeed % instants.length;
          const to = (from + 1 + (toSeed % (instants.length - 1))) % instants.length;
          const [moved] = instants[from].lines.splice(toSeed % instants[from].lines.length, 1);
          instants[to].lines.push([instants[to].t, moved[1], moved[2], moved[3]]);
          expect(checkTrace(spec, fakeRun(flatten(instants))).passed).toBe(false);
        },
      ),
    );
  });

  it("keeping a line's time but moving it among other instants does not match", () => {
    fc.assert(
      fc.property(
        instantsArb(1).filter((b) => b.length >= 2),
        fc.nat(),
        fc.nat(),
        (blocks, k, shift) => {
          const lines = flatten(toInstants(blocks));
          const spec = specOf(lines);
          const from = k % lines.length;
          const to = (from + 1 + (shift % (lines.length - 1))) % lines.length;
          const [moved] = lines.splice(from, 1);
          lines.splice(to, 0, moved);
          expect(checkTrace(spec, fakeRun(lines)).passed).toBe(false);
        },
      ),
    );
  });

  describe("first divergence on mutations (one line per instant)", () => {
    const linesArb = instantsArb(1).map((blocks) => flatten(toInstants(blocks)));

    it("dropping line k diverges at k", () => {
      fc.assert(
        fc.property(linesArb, fc.nat(), (lines, seed) => {
          const k = seed % lines.length;
          const verdict = checkTrace(specOf(lines), fakeRun(lines.filter((_, i) => i !== k)));
          expect(verdict.passed).toBe(false);
          expect(verdict.firstDivergence?.index).toBe(k);
          expect(verdict.firstDivergence?.expectedIndex).toBe(k);
        }),
      );
    });

    it("inserting an extra line at k diverges at k", () => {
      fc.assert(
        fc.property(linesArb, fc.nat(), (lines, seed) => {
          const k = seed % (lines.length + 1);
          const t = k === 0 ? 0 : lines[k - 1][0];
          const mutated = [...lines.slice(0, k), [t, "intruder", "EXTRA"] as FakeLine, ...lines.slice(k)];
          const divergence = checkTrace(specOf(lines), fakeRun(mutated)).firstDivergence;
          expect(divergence?.index).toBe(k);
          expect(divergence?.actual).toMatchObject({ text: "EXTRA", task: "intruder" });
        }),
      );
    });

    it("swapping lines k and k+1 diverges at k", () => {
      fc.assert(
        fc.property(
          linesArb.filter((l) => l.length >= 2),
          fc.nat(),
          (lines, seed) => {
            const k = seed % (lines.length - 1);
            const mutated = [...lines];
            [mutated[k], mutated[k + 1]] = [mutated[k + 1], mutated[k]];
            const divergence = checkTrace(specOf(lines), fakeRun(mutated)).firstDivergence;
            expect(divergence?.index).toBe(k);
            expect(["order", "time", "text", "task", "missing", "unexpected"]).toContain(divergence?.reason);
          },
        ),
      );
    });
  });
});
