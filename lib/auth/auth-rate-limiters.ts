import { getEnv } from "@/lib/config/env";
import { defineService, provideService, useService } from "@/lib/config/process-services";
import { createMemoryFailureThrottle } from "@/lib/rate-limit/create-memory-failure-throttle";
import { createMemoryRateLimiter } from "@/lib/rate-limit/create-memory-rate-limiter";
import type { FailureThrottleOptions, FailureThrottle } from "@/lib/rate-limit/failure-throttle.types";
import type { RateLimiter } from "@/lib/rate-limit/rate-limiter.types";

/**
 * The limiters sign-in and sign-up consult. server.ts provides Redis-backed ones when REDIS_URL is
 * set (every app node then shares the counts). Without a provider (tests calling use cases
 * directly, a script) the fallback is in-process limiters with the configured limits: never "no
 * limit at all".
 */
export interface AuthRateLimiters {
  /** Failed sign-ins per account (untrusted clients) or per known device of the account. */
  signIn: FailureThrottle;
  /** Keyed by client address: accounts created from one network. */
  signUp: RateLimiter;
}

export const AUTH_RATE_LIMITERS = defineService<AuthRateLimiters>("auth-rate-limiters", () => {
  const env = getEnv();
  return {
    signIn: createMemoryFailureThrottle(signInThrottleOptions(env)),
    signUp: createMemoryRateLimiter({ limit: env.SIGN_UP_RATE_LIMIT, windowMs: env.SIGN_UP_RATE_WINDOW_MS }),
  };
});

export function setAuthRateLimiters(limiters: AuthRateLimiters | undefined): void {
  provideService(AUTH_RATE_LIMITERS, limiters);
}

export function getAuthRateLimiters(): AuthRateLimiters {
  return useService(AUTH_RATE_LIMITERS);
}

/** SIGN_IN_RATE_LIMIT failures per SIGN_IN_RATE_WINDOW_MS, then SIGN_IN_LOCKOUT_MS doubling up to the window. */
export function signInThrottleOptions(env: {
  SIGN_IN_RATE_LIMIT: number;
  SIGN_IN_RATE_WINDOW_MS: number;
  SIGN_IN_LOCKOUT_MS: number;
}): FailureThrottleOptions {
  return {
    limit: env.SIGN_IN_RATE_LIMIT,
    windowMs: env.SIGN_IN_RATE_WINDOW_MS,
    baseDelayMs: env.SIGN_IN_LOCKOUT_MS,
    maxDelayMs: Math.max(env.SIGN_IN_LOCKOUT_MS, env.SIGN_IN_RATE_WINDOW_MS),
  };
}
