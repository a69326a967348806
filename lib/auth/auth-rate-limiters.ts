import { getEnv } from "@/lib/config/env";
import { createMemoryFailureThrottle } from "@/lib/rate-limit/create-memory-failure-throttle";
import { createMemoryRateLimiter } from "@/lib/rate-limit/create-memory-rate-limiter";
import type { FailureThrottleOptions, FailureThrottle } from "@/lib/rate-limit/failure-throttle.types";
import type { RateLimiter } from "@/lib/rate-limit/rate-limiter.types";

/**
 * The limiters sign-in and sign-up consult. server.ts registers Redis-backed ones when REDIS_URL is
 * set (every app node then shares the counts). Next's route bundles are separate module instances
 * in the same process, so the registration lives on globalThis, as for the grading services.
 */
export interface AuthRateLimiters {
  /** Failed sign-ins per account (untrusted clients) or per known device of the account. */
  signIn: FailureThrottle;
  /** Keyed by client address: accounts created from one network. */
  signUp: RateLimiter;
}

const KEY = Symbol.for("interleave.auth.rate-limiters");
const FALLBACK_KEY = Symbol.for("interleave.auth.rate-limiters.fallback");
type Registry = typeof globalThis & { [KEY]?: AuthRateLimiters; [FALLBACK_KEY]?: AuthRateLimiters };

export function setAuthRateLimiters(limiters: AuthRateLimiters | undefined): void {
  (globalThis as Registry)[KEY] = limiters;
}

/**
 * The registered limiters or, when nothing registered any (tests calling use cases directly, a
 * script), in-process ones with the configured limits: never "no limit at all".
 */
export function getAuthRateLimiters(): AuthRateLimiters {
  const registry = globalThis as Registry;
  const registered = registry[KEY];
  if (registered) return registered;
  const env = getEnv();
  registry[FALLBACK_KEY] ??= {
    signIn: createMemoryFailureThrottle(signInThrottleOptions(env)),
    signUp: createMemoryRateLimiter({ limit: env.SIGN_UP_RATE_LIMIT, windowMs: env.SIGN_UP_RATE_WINDOW_MS }),
  };
  return registry[FALLBACK_KEY];
}

/** SIGN_IN_RATE_LIMIT failures per SIGN_IN_RATE_WINDOW_MS, then SIGN_IN_LOCKOUT_MS doubling up to the window. */
export function signInThrottleOptions(env: { SIGN_IN_RATE_LIMIT: number; SIGN_IN_RATE_WINDOW_MS: number; SIGN_IN_LOCKOUT_MS: number }): FailureThrottleOptions {
  return {
    limit: env.SIGN_IN_RATE_LIMIT,
    windowMs: env.SIGN_IN_RATE_WINDOW_MS,
    baseDelayMs: env.SIGN_IN_LOCKOUT_MS,
    maxDelayMs: Math.max(env.SIGN_IN_LOCKOUT_MS, env.SIGN_IN_RATE_WINDOW_MS),
  };
}
