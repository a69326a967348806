/**
 * A token bucket for one socket's incoming events: `burst` events at once, refilled at `perSecond`.
 * Pure and clock-injected so it is tested without waiting.
 */
export interface TokenBucket {
  take(): boolean;
}

export function createTokenBucket(options: { burst: number; perSecond: number; now?: () => number }): TokenBucket {
  const now = options.now ?? Date.now;
  let tokens = options.burst;
  let last = now();
  return {
    take() {
      const current = now();
      tokens = Math.min(options.burst, tokens + ((current - last) / 1000) * options.perSecond);
      last = current;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
