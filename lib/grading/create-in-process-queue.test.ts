import { describe, expect, it } from "vitest";
import { createInProcessQueue } from "./create-in-process-queue";
import { RetryableGradingError, retryDelayMs } from "./grading-queue.types";

const fastRetry = { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 } as const;

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** A queue whose one worker records each job and then waits for `gate`. */
function gatedQueue() {
  const queue = createInProcessQueue();
  const seen: string[] = [];
  const gate = deferred();
  queue.startWorker(
    async (id) => {
      seen.push(id);
      await gate.promise;
    },
    { concurrency: 1 },
  );
  return { queue, seen, gate };
}

describe("createInProcessQueue", () => {
  it("runs jobs in FIFO order and never more than `concurrency` at once", async () => {
    const queue = createInProcessQueue();
    const order: string[] = [];
    let active = 0;
    let peak = 0;
    const done = deferred();
    queue.startWorker(
      async (id) => {
        active += 1;
        peak = Math.max(peak, active);
        await new Promise((r) => setTimeout(r, 2));
        order.push(id);
        active -= 1;
        if (order.length === 6) done.resolve();
      },
      { concurrency: 2 },
    );
    for (const id of ["a", "b", "c", "d", "e", "f"]) await queue.enqueue(id);
    await done.promise;
    expect(peak).toBe(2);
    expect(order.sort()).toEqual(["a", "b", "c", "d", "e", "f"]);
    await queue.close();
  });

  it("does not add a job twice while it is waiting or running", async () => {
    const { queue, seen, gate } = gatedQueue();
    await queue.enqueue("s1");
    await queue.enqueue("s1");
    await queue.enqueue("s2");
    await queue.enqueue("s2");
    expect(await queue.stats()).toEqual({ waiting: 1, active: 1, delayed: 0 });
    gate.resolve();
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual(["s1", "s2"]);
    await queue.close();
  });

  it("retries only infrastructure errors, with backoff, up to the attempt limit", async () => {
    const errors: string[] = [];
    const queue = createInProcessQueue({ retry: fastRetry, onError: (id, e) => errors.push(`${id}:${String(e)}`) });
    const calls = new Map<string, number>();
    const finished = deferred();
    queue.startWorker(
      async (id) => {
        const n = (calls.get(id) ?? 0) + 1;
        calls.set(id, n);
        if (id === "flaky" && n < 3) throw new RetryableGradingError("sandbox down");
        if (id === "broken") throw new Error("bug");
        if (id === "down") throw new RetryableGradingError("still down");
        if (id === "flaky") finished.resolve();
      },
      { concurrency: 1 },
    );
    await queue.enqueue("broken");
    await queue.enqueue("down");
    await queue.enqueue("flaky");
    await finished.promise;
    await new Promise((r) => setTimeout(r, 30));
    expect(calls.get("flaky")).toBe(3);
    expect(calls.get("broken")).toBe(1);
    expect(calls.get("down")).toBe(3);
    expect(errors).toEqual(["broken:Error: bug", "down:RetryableGradingError: still down"]);
    await queue.close();
  });

  it("leaves waiting jobs alone after close (recovery re-enqueues them from the database)", async () => {
    const { queue, seen, gate } = gatedQueue();
    await queue.enqueue("a");
    await queue.enqueue("b");
    const closing = queue.close();
    gate.resolve();
    await closing;
    await queue.enqueue("c");
    expect(seen).toEqual(["a"]);
  });

  it("computes capped exponential backoff", () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(20)).toBe(30_000);
  });
});
