import IORedis from "ioredis";
import { createMemoryFailureThrottle } from "@/lib/rate-limit/create-memory-failure-throttle";
import { createMemoryRateLimiter } from "@/lib/rate-limit/create-memory-rate-limiter";
import { createRedisFailureThrottle } from "@/lib/rate-limit/create-redis-failure-throttle";
import type { FailureThrottleOptions } from "@/lib/rate-limit/failure-throttle.types";
import { createRedisRateLimiter } from "@/lib/rate-limit/create-redis-rate-limiter";
import type { RateLimitOptions } from "@/lib/rate-limit/rate-limiter.types";
import type { AuthRateLimiters } from "./auth-rate-limiters";

export interface CreateAuthRateLimitersOptions {
  signIn: FailureThrottleOptions;
  signUp: RateLimitOptions;
  /** Shared counts across app nodes when set; in-process counts otherwise. */
  redisUrl?: string;
  /** Key prefix in Redis (tests isolate themselves with it). */
  redisPrefix?: string;
}

export interface AuthRateLimitersRuntime {
  limiters: AuthRateLimiters;
  close(): void;
}

/** Built once per process by server.ts and registered with setAuthRateLimiters. */
export function createAuthRateLimiters(options: CreateAuthRateLimitersOptions): AuthRateLimitersRuntime {
  if (!options.redisUrl) {
    return {
      limiters: {
        signIn: createMemoryFailureThrottle(options.signIn),
        signUp: createMemoryRateLimiter(options.signUp),
      },
      close: () => undefined,
    };
  }
  const redis = new IORedis(options.redisUrl, { maxRetriesPerRequest: 2 });
  const prefix = `${options.redisPrefix ?? "interleave"}:rate`;
  return {
    limiters: {
      signIn: createRedisFailureThrottle(redis, { ...options.signIn, prefix: `${prefix}:sign-in-failures` }),
      signUp: createRedisRateLimiter(redis, { ...options.signUp, prefix: `${prefix}:sign-up` }),
    },
    close: () => redis.disconnect(),
  };
}
