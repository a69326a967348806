/**
 * The Python harness CLI (lib/sandbox/python/interleave_cli.py) run with Debian's /usr/bin/python3:
 * exact traces of the tutorial's examples, statuses, deadlock details, limits, error lines,
 * determinism, seeded schedules and virtual threads. No sandbox here: this pins the scheduler.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runResultSchema, type RunResult } from "@/lib/run-contract/run-result.types";

const PYTHON_DIR = path.resolve(__dirname, "../../lib/sandbox/python");
const CLI = path.join(PYTHON_DIR, "interleave_cli.py");

/** Runs lib/sandbox/python/tests/programs/<name>.py through the CLI. */
async function trace(name: string, args: string[] = []): Promise<RunResult> {
  const file = path.join(PYTHON_DIR, "tests/programs", `${name}.py`);
  const stdout = await new Promise<string>((resolve, reject) => {
    // Unsandboxed: rlimits keep a runaway program (or a harness bug) from eating the machine.
    execFile(
      "/usr/bin/prlimit",
      [`--as=${2 * 1024 ** 3}`, "--cpu=60", "/usr/bin/python3", "-I", CLI, file, "--json", ...args],
      { env: { PYTHONHASHSEED: "0", PATH: "/usr/bin:/bin", NODE_ENV: "test" }, timeout: 30_000 },
      (error, out, err) => (out ? resolve(out) : reject(new Error(`${error?.message}: ${err}`))),
    );
  });
  expect(stdout.trim().split("\n")).toHaveLength(1); // exactly one JSON object
  return runResultSchema.parse(JSON.parse(stdout));
}

/** Output lines as [t, task, text]. */
function lines(result: RunResult): Array<[number, string, string]> {
  return result.events.filter((e) => e.stream === "stdout" || e.stream === "stderr").map((e) => [e.t, e.task, e.text]);
}

describe("tutorial examples", () => {
  it("3.1 greenlet: lines and switches attributed to greenlets", async () => {
    const r = await trace("greenlet");
    expect(r.status).toBe("ok");
    expect(lines(r)).toEqual([
      [0, "func_1", "1"],
      [0, "func_2", "3"],
      [0, "func_1", "2"],
      [0, "func_2", "4"],
    ]);
    const switches = r.events.filter((e) => e.stream === "switch").map((e) => e.text);
    expect(switches.slice(0, 2)).toEqual(["main -> func_1", "func_1 -> func_2"]);
  });

  it("3.2 yield from", async () => {
    const r = await trace("yield_from");
    expect(lines(r).map(([, , text]) => text)).toEqual(["1", "3", "4", "2"]);
  });

  it("3.3 @asyncio.coroutine runs through the shim and is noted", async () => {
    const r = await trace("legacy_coroutine");
    expect(lines(r)).toEqual([
      [0, "Task-1", "4"],
      [0, "Task-2", "3"],
      [2, "Task-1", "2"],
      [2, "Task-2", "4"],
    ]);
    expect(r.notes).toEqual(["legacy @asyncio.coroutine used (removed in Python 3.11)"]);
    expect(r.virtualTime).toBe(2);
  });

  it("1.4 ensure_future + run_until_complete(asyncio.wait(...))", async () => {
    const r = await trace("ensure_future");
    expect(lines(r)).toEqual([
      [0, "Task-1", "1"],
      [0, "Task-2", "3"],
      [2, "Task-1", "2"],
      [2, "Task-2", "4"],
    ]);
  });

  it("5.3 examples 1-3: awaiting one coroutine after another", async () => {
    const one = await trace("await_1");
    expect(lines(one)).toEqual([
      [0, "Task-1", "test"],
      [2, "Task-1", "任务执行完成 None"],
    ]);
    const two = await trace("await_2");
    expect(lines(two).map(([t, , text]) => [t, text])).toEqual([
      [0, "main"],
      [0, "test"],
      [2, "任务执行完成 None"],
      [2, "main结束"],
    ]);
    const three = await trace("await_3");
    expect(three.virtualTime).toBe(4);
    expect(lines(three).at(-1)).toEqual([4, "Task-1", "main结束2"]);
  });

  it("5.4 example 1: two tasks sleep concurrently", async () => {
    const r = await trace("create_task");
    expect(lines(r)).toEqual([
      [0, "Task-1", "main"],
      [0, "Task-2", "test"],
      [0, "Task-3", "test"],
      [2, "Task-2", "任务完成"],
      [2, "Task-3", "任务完成"],
      [2, "Task-1", "主线程运行"],
    ]);
  });

  it("5.4 example 2: named tasks, wait(timeout=3), sets print in creation order", async () => {
    const r = await trace("wait_timeout");
    expect(lines(r).slice(0, 3)).toEqual([
      [0, "Task-1", "main"],
      [0, "n1", "test"],
      [0, "n2", "test"],
    ]);
    expect(lines(r)[5][2]).toMatch(/^\{<Task finished name='n1' .*>, <Task finished name='n2' .*>\}$/);
    expect(lines(r)[6]).toEqual([2, "Task-1", "set()"]);
  });

  it("5.4 example 3: passing coroutines to asyncio.wait is CPython 3.11's TypeError", async () => {
    const r = await trace("wait_coroutines");
    expect(r.status).toBe("error");
    expect(r.error).toMatchObject({
      type: "TypeError",
      message: "Passing coroutines is forbidden, use tasks explicitly.",
      line: 10,
    });
  });

  it("5.5 a future nobody sets is a deadlock naming the waiter", async () => {
    const r = await trace("future_forever");
    expect(r.status).toBe("deadlock");
    expect(r.deadlock).toEqual([{ task: "Task-1", waitingOn: "<Future pending>" }]);
  });
});

describe("scheduler", () => {
  it("is deterministic: the same seed gives the same JSON", async () => {
    const [a, b] = await Promise.all([
      trace("equal_deadlines", ["--seed", "4"]),
      trace("equal_deadlines", ["--seed", "4"]),
    ]);
    expect({ ...a, wallMs: 0 }).toEqual({ ...b, wallMs: 0 });
    expect(a.seed).toBe(4);
  });

  it("seed 0 keeps equal deadlines FIFO; some seed in 1..10 permutes them", async () => {
    const fifo = (await trace("equal_deadlines")).events.filter((e) => e.stream === "stdout").map((e) => e.text);
    expect(fifo).toEqual(["0", "1", "2", "3", "4", "5", "6", "7"]);
    const orders = await Promise.all(
      Array.from({ length: 10 }, (_, i) => trace("equal_deadlines", ["--seed", String(i + 1)])),
    );
    const texts = orders.map((r) =>
      r.events
        .filter((e) => e.stream === "stdout")
        .map((e) => e.text)
        .join(","),
    );
    expect(texts.some((t) => t !== fifo.join(","))).toBe(true);
    for (const t of texts) expect(t.split(",").sort()).toEqual(fifo);
  });

  it("accounts two 1 s executor jobs as parallel work", async () => {
    const r = await trace("executor_parallel");
    expect(lines(r)).toEqual([
      [0, "asyncio_0", "start 1"],
      [0, "asyncio_1", "start 2"],
      [1, "asyncio_0", "end 1"],
      [1, "asyncio_1", "end 2"],
      [1, "Task-1", "[1, 2] 1.0"],
    ]);
    expect(r.virtualTime).toBe(1);
  });
});

describe("limits, errors and the output channel", () => {
  it("names the virtual_time, steps and output limits and keeps earlier lines", async () => {
    const time = await trace("sleep_forever", ["--limits", JSON.stringify({ maxVirtualSeconds: 10 })]);
    expect([time.status, time.limit, lines(time).length]).toEqual(["limit", "virtual_time", 3]);
    const steps = await trace("spin", ["--limits", JSON.stringify({ maxSteps: 1000 })]);
    expect([steps.status, steps.limit]).toEqual(["limit", "steps"]);
    const output = await trace("flood", ["--limits", JSON.stringify({ maxEvents: 20 })]);
    expect([output.status, output.limit, lines(output).length]).toEqual(["limit", "output", 20]);
  });

  it("reports an uncaught error with the student's line and a trimmed traceback", async () => {
    const r = await trace("error_in_task");
    expect(r.error).toMatchObject({ type: "ZeroDivisionError", message: "division by zero", line: 4 });
    expect(r.error?.traceback).not.toContain("asyncio/");
    expect(lines(r)).toEqual([[1, "Task-1", "about to fail"]]);
  });

  it("cannot be forged by writes to fd 1, and keeps lines printed before os._exit", async () => {
    const r = await trace("forge_and_exit");
    expect(r.status).toBe("ok");
    expect(lines(r)).toEqual([
      [0, "main", "before"],
      [0, "main", "partial"],
    ]);
  });
});
