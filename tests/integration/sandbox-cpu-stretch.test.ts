import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIBRARY_DIR } from "@/lib/exercises/list-library";
import { loadExercisePackage } from "@/lib/exercises/load-exercise-package";
import { checkProgram } from "@/lib/grading/check-program";
import { runLimitsSchema, type RunResult } from "@/lib/run-contract/run-result.types";
import { createSandboxRunner } from "@/lib/sandbox/create-sandbox-runner";
import type { SandboxRunner } from "@/lib/sandbox/sandbox-runner.types";

/**
 * The CPU-stretch note (docs/sandbox.md, "Long CPU stretches") through the real sandbox: the
 * profiling timer works under the seccomp filter and the dropped privileges, the exercise's
 * `cpuStretchMs` reaches the harness, and the async-iterator exercise rejects a stretch.
 * Programs spin on time.thread_time() (left real by the harness): exact CPU on any machine.
 */

let runner: SandboxRunner;
beforeAll(() => {
  runner = createSandboxRunner({ poolSize: 1 });
});
afterAll(() => runner.close());

const NOTE =
  /^a CPU stretch of (\d+\.\d\d) s at line (\d+) held the event loop — split the work or run it with await loop\.run_in_executor\(None, \.\.\.\)$/u;

const SPIN = `import asyncio, time


def spin(seconds):
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


async def crunch():
    await asyncio.sleep(1)
    spin(0.5)
    print("crunched")


async def main():
    await asyncio.gather(crunch(), asyncio.sleep(2))


asyncio.run(main())
`;

const run = (code: string, overrides: Record<string, number> = {}): Promise<RunResult> =>
  runner.run({ code, limits: runLimitsSchema.parse(overrides) });

describe("CPU stretches on the event loop's thread", () => {
  it("a 0.5 s CPU loop inside a coroutine gets the note with its line", async () => {
    const result = await run(SPIN);
    expect(result.status).toBe("ok");
    expect(result.notes).toHaveLength(1);
    const match = NOTE.exec(result.notes[0] ?? "");
    expect(match?.[2]).toBe("6"); // the spinning `while` line, inside spin() called at line 13
    expect(Number(match?.[1])).toBeGreaterThanOrEqual(0.45);
    expect(result.virtualTime).toBe(2);
    const timeline = result.events.filter((event) => event.stream === "note");
    expect(timeline.map((event) => [event.t, event.task])).toEqual([[1, "Task-2"]]);
  });

  it("the same work in run_in_executor or a thread gets none", async () => {
    const code = SPIN.replace(
      "    spin(0.5)\n",
      "    await asyncio.get_running_loop().run_in_executor(None, spin, 0.3)\n    await asyncio.to_thread(spin, 0.3)\n",
    );
    const result = await run(code);
    expect(result.events.filter((event) => event.stream === "stdout").map((event) => event.text)).toEqual(["crunched"]);
    expect(result.notes).toEqual([]);
  });

  it("an ordinary program never gets it", async () => {
    const code =
      "import asyncio\nasync def w(i):\n    for _ in range(50):\n        await asyncio.sleep(0.01)\n" +
      "async def main():\n    await asyncio.gather(*(w(i) for i in range(40)))\n    print('ok')\nasyncio.run(main())\n";
    for (const seed of [0, 3]) {
      const result = await runner.run({ code, seed });
      expect(result.status).toBe("ok");
      expect(result.notes).toEqual([]);
    }
  });

  it("an exercise's cpuStretchMs reaches the harness", async () => {
    expect((await run(SPIN, { cpuStretchMs: 2000 })).notes).toEqual([]);
    const short = SPIN.replace("spin(0.5)", "spin(0.06)");
    expect((await run(short)).notes).toEqual([]);
    expect((await run(short, { cpuStretchMs: 20 })).notes).toHaveLength(1);
  });

  it("the async-iterator exercise rejects a stretch in __anext__ by the note, not by the trace", async () => {
    const pkg = await loadExercisePackage({ dir: path.join(LIBRARY_DIR, "10-async-iterator") });
    if (pkg.kind !== "write-code") throw new Error("10-async-iterator is write-code");
    const wrong = pkg.wrongSolutions.find((entry) => entry.file === "wrong/cpu-loop-in-anext.py");
    if (!wrong) throw new Error("wrong/cpu-loop-in-anext.py is missing");
    const options = {
      code: wrong.code,
      spec: pkg.expectedTrace,
      limits: pkg.manifest.limits,
      run: (request: Parameters<SandboxRunner["run"]>[0]) => runner.run(request),
    };
    expect((await checkProgram(options)).passed).toBe(true);
    const verdict = await checkProgram({ ...options, forbiddenNotes: pkg.manifest.forbiddenNotes });
    expect(verdict.passed).toBe(false);
    expect(verdict.firstDivergence).toMatchObject({ reason: "forbidden_note" });
    expect(verdict.firstDivergence?.actual?.text).toMatch(
      /^a CPU stretch of \d+\.\d\d s at line 21 held the event loop/u,
    );
  });
});
