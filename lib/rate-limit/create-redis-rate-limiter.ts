import type IORedis from "ioredis";
import type { RateLimitOptions, RateLimiter } from "./rate-limiter.types";

// One round trip, atomic: drop hits older than the window, count, add this hit only if under the
// limit, and report the oldest hit so the caller can say when to retry.
const SLIDING_WINDOW = `
local key, now, window, limit, member = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
if count >= limit then
  local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
  return {0, tonumber(oldest[2]) + window - now, 0}
end
redis.call('ZADD', key, now, member)
redis.call('PEXPIRE', key, window)
return {1, 0, limit - count - 1}
`;

/** Sliding-window limiter shared by every app node through Redis. */
export function createRedisRateLimiter(
  redis: IORedis,
  options: RateLimitOptions & { prefix?: string },
  now: () => number = Date.now,
): RateLimiter {
  const prefix = options.prefix ?? "interleave:rate";
  let sequence = 0;
  return {
    async hit(key) {
      const time = now();
      sequence = (sequence + 1) % 1_000_000;
      const member = `${time}-${process.pid}-${sequence}`;
      const reply = (await redis.eval(
        SLIDING_WINDOW,
        1,
        `${prefix}:${key}`,
        time,
        options.windowMs,
        options.limit,
        member,
      )) as number[];
      return { allowed: reply[0] === 1, retryAfterMs: Math.max(0, Number(reply[1])), remaining: Number(reply[2]) };
    },
  };
}
