export interface RateLimitDecision {
  allowed: boolean;
  /** How long until the next hit would be allowed (0 when allowed). */
  retryAfterMs: number;
  remaining: number;
}

/** A fixed budget of hits per key per rolling window (e.g. 10 submissions a minute per student). */
export interface RateLimiter {
  hit(key: string): Promise<RateLimitDecision>;
}

export interface RateLimitOptions {
  limit: number;
  windowMs: number;
}
