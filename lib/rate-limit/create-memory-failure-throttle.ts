import type { FailureRecord, FailureThrottle, FailureThrottleOptions } from "./failure-throttle.types";
import { addFailure, throttleState } from "./throttle-state";

/** Failure counts kept in this process: the single-node deployment. Redis shares them across nodes. */
export function createMemoryFailureThrottle(
  options: FailureThrottleOptions,
  now: () => number = Date.now,
): FailureThrottle {
  const records = new Map<string, FailureRecord>();
  return {
    async check(key) {
      return throttleState(records.get(key) ?? null, options, now());
    },
    async recordFailure(key) {
      const time = now();
      const next = addFailure(records.get(key) ?? null, options, time);
      records.set(key, next);
      prune(records, options, time);
      return throttleState(next, options, time);
    },
    async clear(key) {
      records.delete(key);
    },
  };
}

/** Keeps memory bounded under a spray of keys: forget records whose window has passed. */
function prune(records: Map<string, FailureRecord>, options: FailureThrottleOptions, now: number): void {
  if (records.size < 10_000) return;
  for (const [key, record] of records)
    if (now - record.lastFailureAt > Math.max(options.windowMs, options.maxDelayMs)) records.delete(key);
}
