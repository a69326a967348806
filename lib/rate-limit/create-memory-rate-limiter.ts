import type { RateLimitOptions, RateLimiter } from "./rate-limiter.types";

/**
 * Sliding-window limiter kept in this process: right for the embedded single-node deployment.
 * Several app nodes share `createRedisRateLimiter` instead.
 */
export function createMemoryRateLimiter(options: RateLimitOptions, now: () => number = Date.now): RateLimiter {
  const hits = new Map<string, number[]>();
  return {
    async hit(key) {
      const time = now();
      const recent = (hits.get(key) ?? []).filter((at) => at > time - options.windowMs);
      if (recent.length >= options.limit) {
        hits.set(key, recent);
        return { allowed: false, retryAfterMs: recent[0] + options.windowMs - time, remaining: 0 };
      }
      recent.push(time);
      hits.set(key, recent);
      pruneOccasionally(hits, time - options.windowMs);
      return { allowed: true, retryAfterMs: 0, remaining: options.limit - recent.length };
    },
  };
}

/** Keeps memory bounded when many keys go quiet: drop keys whose newest hit left the window. */
function pruneOccasionally(hits: Map<string, number[]>, cutoff: number): void {
  if (hits.size < 10_000) return;
  for (const [key, times] of hits) if (times[times.length - 1] <= cutoff) hits.delete(key);
}
