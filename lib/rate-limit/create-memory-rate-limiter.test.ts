import { describe, expect, it } from "vitest";
import { createMemoryRateLimiter } from "./create-memory-rate-limiter";

describe("createMemoryRateLimiter", () => {
  it("allows `limit` hits per window per key and says when to retry", async () => {
    let now = 1_000;
    const limiter = createMemoryRateLimiter({ limit: 3, windowMs: 60_000 }, () => now);
    const results = [];
    for (let i = 0; i < 4; i += 1) {
      results.push(await limiter.hit("alice"));
      now += 1_000;
    }
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0]);
    expect(results[3].retryAfterMs).toBe(57_000);
    expect((await limiter.hit("bob")).allowed).toBe(true);
    now = 61_001;
    expect((await limiter.hit("alice")).allowed).toBe(true);
  });
});
