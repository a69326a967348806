import type IORedis from "ioredis";
import type { FailureRecord, FailureThrottle, FailureThrottleOptions } from "./failure-throttle.types";
import { throttleState } from "./throttle-state";

// Atomic "one more failure": a failure after the window starts a new count. Returns the record.
const ADD_FAILURE = `
local key, now, window, ttl = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local last = tonumber(redis.call('HGET', key, 'last') or '0')
local failures = tonumber(redis.call('HGET', key, 'failures') or '0')
if now - last > window then failures = 0 end
failures = failures + 1
redis.call('HSET', key, 'failures', failures, 'last', now)
redis.call('PEXPIRE', key, ttl)
return {failures, now}
`;

/** Failure counts shared by every app node through Redis. */
export function createRedisFailureThrottle(
  redis: IORedis,
  options: FailureThrottleOptions & { prefix?: string },
  now: () => number = Date.now,
): FailureThrottle {
  const prefix = options.prefix ?? "interleave:throttle";
  const ttl = Math.max(options.windowMs, options.maxDelayMs) + 1_000;
  const read = async (key: string): Promise<FailureRecord | null> => {
    const [failures, last] = await redis.hmget(`${prefix}:${key}`, "failures", "last");
    return failures === null ? null : { failures: Number(failures), lastFailureAt: Number(last ?? 0) };
  };
  return {
    async check(key) {
      return throttleState(await read(key), options, now());
    },
    async recordFailure(key) {
      const time = now();
      const reply = (await redis.eval(ADD_FAILURE, 1, `${prefix}:${key}`, time, options.windowMs, ttl)) as number[];
      return throttleState({ failures: Number(reply[0]), lastFailureAt: Number(reply[1]) }, options, time);
    },
    async clear(key) {
      await redis.del(`${prefix}:${key}`);
    },
  };
}
