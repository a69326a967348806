import IORedis from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { createRedisRateLimiter } from "@/lib/rate-limit/create-redis-rate-limiter";
import { TEST_REDIS_URL, deleteKeys, redisAvailable, uniquePrefix } from "../helpers/redis";

const available = await redisAvailable();
const prefix = uniquePrefix("rate");

describe.skipIf(!available)("Redis rate limiter (real Redis)", () => {
  const redis = new IORedis(TEST_REDIS_URL, { lazyConnect: true });
  afterAll(async () => {
    await deleteKeys(prefix);
    redis.disconnect();
  });

  it("shares one budget between two limiters (two app nodes) and reopens after the window", async () => {
    let now = 5_000;
    const nodeA = createRedisRateLimiter(redis, { limit: 2, windowMs: 10_000, prefix }, () => now);
    const nodeB = createRedisRateLimiter(redis, { limit: 2, windowMs: 10_000, prefix }, () => now);
    expect((await nodeA.hit("s1")).allowed).toBe(true);
    now += 1_000;
    expect((await nodeB.hit("s1")).allowed).toBe(true);
    const third = await nodeA.hit("s1");
    expect(third).toEqual({ allowed: false, retryAfterMs: 9_000, remaining: 0 });
    expect((await nodeB.hit("s2")).allowed).toBe(true);
    now += 9_001;
    expect((await nodeB.hit("s1")).allowed).toBe(true);
  });
});
