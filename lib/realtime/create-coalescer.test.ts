import { afterEach, describe, expect, it, vi } from "vitest";
import { createCoalescer } from "@/lib/realtime/create-coalescer";

afterEach(() => vi.useRealTimers());

describe("createCoalescer", () => {
  it("flushes a lone mark at once, then at most once per interval with everything marked meanwhile", async () => {
    vi.useFakeTimers();
    const flushes: [string, string[]][] = [];
    const coalescer = createCoalescer<string>({
      intervalMs: 250,
      flush: async (key, items) => void flushes.push([key, items.sort()]),
    });
    coalescer.mark("c1", "u1");
    expect(flushes).toEqual([["c1", ["u1"]]]);
    for (let i = 0; i < 300; i += 1) coalescer.mark("c1", `u${i % 3}`);
    await vi.advanceTimersByTimeAsync(100);
    expect(flushes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(flushes).toEqual([
      ["c1", ["u1"]],
      ["c1", ["u0", "u1", "u2"]],
    ]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(flushes).toHaveLength(2);
  });

  it("does not flush on every mark of a steady trickle: a mark right after a flush waits for the window", async () => {
    vi.useFakeTimers();
    const flushes: string[][] = [];
    const coalescer = createCoalescer<string>({
      intervalMs: 250,
      flush: async (_key, items) => void flushes.push(items),
    });
    for (let i = 0; i < 10; i += 1) {
      coalescer.mark("c1", `u${i}`);
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(1_000);
    // 10 marks, one every 50 ms: the first at once, then at 250 and 500 ms (not 10 flushes).
    expect(flushes).toEqual([["u0"], ["u1", "u2", "u3", "u4"], ["u5", "u6", "u7", "u8", "u9"]]);
  });

  it("keeps classes apart", async () => {
    vi.useFakeTimers();
    const keys: string[] = [];
    const coalescer = createCoalescer<string>({ intervalMs: 250, flush: async (key) => void keys.push(key) });
    coalescer.mark("a", "x");
    coalescer.mark("b", "x");
    expect(keys).toEqual(["a", "b"]);
  });

  it("never overlaps two flushes of one key, and reports a failing flush without stopping", async () => {
    vi.useFakeTimers();
    let active = 0;
    let maxActive = 0;
    const errors: unknown[] = [];
    let calls = 0;
    const coalescer = createCoalescer<number>({
      intervalMs: 10,
      onError: (error) => errors.push(error),
      flush: async () => {
        calls += 1;
        active += 1;
        maxActive = Math.max(maxActive, active);
        await new Promise((resolve) => setTimeout(resolve, 50));
        active -= 1;
        if (calls === 1) throw new Error("db down");
      },
    });
    coalescer.mark("k", 1);
    await vi.advanceTimersByTimeAsync(20);
    coalescer.mark("k", 2);
    await vi.advanceTimersByTimeAsync(200);
    expect(calls).toBe(2);
    expect(maxActive).toBe(1);
    expect(errors).toHaveLength(1);
  });
});
