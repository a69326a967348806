import { afterEach, describe, expect, it, vi } from "vitest";
import { createBatcher } from "./submissions-batcher";

/** A batcher whose writes are recorded: which items went together, one array per call of `many`/`single`. */
function recordingBatcher(linger?: { ms: number; whenCallsWithinMs: number }) {
  const writes: number[][] = [];
  const batcher = createBatcher<number, number>({
    single: async (item) => {
      writes.push([item]);
      return item * 10;
    },
    many: async (items) => {
      writes.push([...items]);
      return items.map((item) => item * 10);
    },
    linger,
  });
  return { batcher, writes };
}

describe("createBatcher", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("calls made in the same turn go together, each gets its own result", async () => {
    const { batcher, writes } = recordingBatcher();
    expect(await Promise.all([batcher(1), batcher(2), batcher(3)])).toEqual([10, 20, 30]);
    expect(writes).toEqual([[1, 2, 3]]);
  });

  it("without a linger, calls a few ms apart are written one by one", async () => {
    vi.useFakeTimers();
    const { batcher, writes } = recordingBatcher();
    const first = batcher(1);
    await vi.advanceTimersByTimeAsync(3);
    const second = batcher(2);
    await vi.advanceTimersByTimeAsync(3);
    expect(await Promise.all([first, second])).toEqual([10, 20]);
    expect(writes).toEqual([[1], [2]]);
  });

  it("with a linger, a stream of calls a few ms apart is written together", async () => {
    vi.useFakeTimers();
    const { batcher, writes } = recordingBatcher({ ms: 15, whenCallsWithinMs: 100 });
    const first = batcher(1);
    await vi.advanceTimersByTimeAsync(3);
    // The stream has started: this one waits 15 ms for company, and the next two join it.
    const rest = [batcher(2)];
    await vi.advanceTimersByTimeAsync(5);
    rest.push(batcher(3));
    await vi.advanceTimersByTimeAsync(5);
    rest.push(batcher(4));
    expect(writes).toEqual([[1]]);
    await vi.advanceTimersByTimeAsync(10);
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40]);
    expect(writes).toEqual([[1], [2, 3, 4]]);
  });

  it("with a linger, a lone call after a quiet spell is written at once", async () => {
    vi.useFakeTimers();
    const { batcher, writes } = recordingBatcher({ ms: 15, whenCallsWithinMs: 100 });
    await Promise.all([batcher(1), vi.advanceTimersByTimeAsync(1)]);
    await vi.advanceTimersByTimeAsync(500);
    const lone = batcher(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(writes).toEqual([[1], [2]]);
    expect(await lone).toBe(20);
  });

  it("a failed batch is retried item by item, so one bad item fails alone", async () => {
    const batcher = createBatcher<number, number>({
      single: async (item) => {
        if (item === 2) throw new Error("bad item");
        return item;
      },
      many: async () => {
        throw new Error("batch rolled back");
      },
    });
    const results = await Promise.allSettled([batcher(1), batcher(2), batcher(3)]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  });
});
