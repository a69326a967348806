import { afterAll, describe, expect, it } from "vitest";
import { createBullmqQueue } from "@/lib/grading/create-bullmq-queue";
import { RetryableGradingError } from "@/lib/grading/grading-queue.types";
import { TEST_REDIS_URL, deleteKeys, redisAvailable, uniquePrefix } from "../helpers/redis";

const available = await redisAvailable();
const prefix = uniquePrefix("bullmq");
const fastRetry = { attempts: 3, baseDelayMs: 20, maxDelayMs: 100 } as const;

async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(!available)("BullMQ grading queue (real Redis)", () => {
  afterAll(() => deleteKeys(prefix));

  it("delivers each submission id once while its job is pending, across two workers", async () => {
    const queue = createBullmqQueue({ redisUrl: TEST_REDIS_URL, prefix, queueName: "dedupe", retry: fastRetry });
    const seen: string[] = [];
    await queue.enqueue("sub-1");
    await queue.enqueue("sub-1");
    await queue.enqueue("sub-2");
    expect((await queue.stats()).waiting).toBe(2);
    const handler = async (id: string) => {
      seen.push(id);
    };
    queue.startWorker(handler, { concurrency: 2 });
    queue.startWorker(handler, { concurrency: 2 });
    await waitFor(() => seen.length === 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.sort()).toEqual(["sub-1", "sub-2"]);
    await queue.close();
  });

  it("retries infrastructure errors with backoff and fails other errors at once", async () => {
    const errors: string[] = [];
    const queue = createBullmqQueue({
      redisUrl: TEST_REDIS_URL,
      prefix,
      queueName: "retry",
      retry: fastRetry,
      onError: (id) => errors.push(id),
    });
    const calls = new Map<string, number>();
    queue.startWorker(
      async (id) => {
        const n = (calls.get(id) ?? 0) + 1;
        calls.set(id, n);
        if (id === "flaky" && n < 3) throw new RetryableGradingError("sandbox unavailable");
        if (id === "bug") throw new Error("programming error");
      },
      { concurrency: 1 },
    );
    await queue.enqueue("flaky");
    await queue.enqueue("bug");
    await waitFor(() => calls.get("flaky") === 3 && calls.get("bug") === 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(calls.get("flaky")).toBe(3);
    expect(calls.get("bug")).toBe(1);
    expect(errors).toEqual(["bug"]);
    await queue.close();
  });

  it("accepts a submission id again once its job failed (a regrade after a failed job)", async () => {
    const queue = createBullmqQueue({
      redisUrl: TEST_REDIS_URL,
      prefix,
      queueName: "again",
      retry: { attempts: 1, baseDelayMs: 10, maxDelayMs: 10 },
    });
    const calls: string[] = [];
    let sandboxUp = false;
    queue.startWorker(
      async (id) => {
        calls.push(id);
        if (!sandboxUp) throw new RetryableGradingError("sandbox unavailable");
      },
      { concurrency: 1 },
    );
    await queue.enqueue("sub-again");
    await waitFor(() => calls.length === 1);
    await new Promise((r) => setTimeout(r, 100));
    sandboxUp = true;
    // The failed job is kept for a day; without replacing it, BullMQ would ignore this job id.
    await queue.enqueue("sub-again");
    await waitFor(() => calls.length === 2);
    expect(calls).toEqual(["sub-again", "sub-again"]);
    await queue.close();
  });
});
