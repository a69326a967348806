import type { FailureRecord, FailureThrottleOptions, ThrottleState } from "./failure-throttle.types";

/** The lock after `failures` failures: none below the limit, then base, 2×base, 4×base … up to max. */
export function lockoutMs(failures: number, options: FailureThrottleOptions): number {
  if (failures < options.limit) return 0;
  const doublings = Math.min(30, failures - options.limit);
  return Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** doublings);
}

/** Pure: what a stored record means at `now` (shared by the memory and Redis throttles). */
export function throttleState(
  record: FailureRecord | null,
  options: FailureThrottleOptions,
  now: number,
): ThrottleState {
  if (!record || record.failures === 0 || now - record.lastFailureAt > options.windowMs)
    return { locked: false, retryAfterMs: 0, failures: 0 };
  const until = record.lastFailureAt + lockoutMs(record.failures, options);
  return until > now
    ? { locked: true, retryAfterMs: until - now, failures: record.failures }
    : { locked: false, retryAfterMs: 0, failures: record.failures };
}

/** The record after one more failure at `now` (a failure after the window starts a new count). */
export function addFailure(record: FailureRecord | null, options: FailureThrottleOptions, now: number): FailureRecord {
  const current = record && now - record.lastFailureAt <= options.windowMs ? record.failures : 0;
  return { failures: current + 1, lastFailureAt: now };
}
