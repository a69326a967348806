import { describe, expect, it } from "vitest";
import { createMemoryFailureThrottle } from "./create-memory-failure-throttle";
import { lockoutMs } from "./throttle-state";

const options = { limit: 3, windowMs: 60_000, baseDelayMs: 1_000, maxDelayMs: 8_000 };

describe("createMemoryFailureThrottle", () => {
  it("locks after `limit` failures, with a delay that doubles per further failure up to the cap", async () => {
    let now = 10_000;
    const throttle = createMemoryFailureThrottle(options, () => now);
    expect((await throttle.recordFailure("k")).locked).toBe(false);
    expect((await throttle.recordFailure("k")).locked).toBe(false);
    expect(await throttle.recordFailure("k")).toEqual({ locked: true, retryAfterMs: 1_000, failures: 3 });
    now += 1_000;
    expect((await throttle.check("k")).locked).toBe(false);
    expect((await throttle.recordFailure("k")).retryAfterMs).toBe(2_000);
    now += 2_000;
    expect((await throttle.recordFailure("k")).retryAfterMs).toBe(4_000);
    expect([3, 4, 5, 6, 7, 20].map((f) => lockoutMs(f, options))).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
    expect((await throttle.check("other")).locked).toBe(false);
  });

  it("forgets failures after the window and on clear", async () => {
    let now = 0;
    const throttle = createMemoryFailureThrottle(options, () => now);
    await throttle.recordFailure("k");
    await throttle.recordFailure("k");
    now += 60_001;
    expect((await throttle.recordFailure("k")).failures).toBe(1);
    await throttle.recordFailure("k");
    await throttle.clear("k");
    expect(await throttle.check("k")).toEqual({ locked: false, retryAfterMs: 0, failures: 0 });
  });
});
