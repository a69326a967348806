/**
 * Counts FAILURES per key (wrong passwords, not sign-ins) and answers whether the key is locked.
 * After `limit` failures inside `windowMs`, the key is locked for `baseDelayMs` after its latest
 * failure, doubling with every further failure up to `maxDelayMs`: a guesser gets slower and
 * slower, a typo costs nothing. Failures older than the window are forgotten.
 */
export interface FailureThrottleOptions {
  limit: number;
  windowMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface FailureRecord {
  failures: number;
  /** Epoch ms of the latest failure (0 when none). */
  lastFailureAt: number;
}

export interface ThrottleState {
  locked: boolean;
  /** Until the next attempt is allowed (0 when not locked). */
  retryAfterMs: number;
  failures: number;
}

export interface FailureThrottle {
  check(key: string): Promise<ThrottleState>;
  recordFailure(key: string): Promise<ThrottleState>;
  clear(key: string): Promise<void>;
}
