import type { AppError } from "@/lib/errors/app-error";
import type { RateLimiter } from "@/lib/rate-limit/rate-limiter.types";

/**
 * One hit on `limiter`; throws `refusal(seconds until retry)` when over the limit. A limiter that
 * fails (Redis unreachable) lets the request through and logs: an outage of the shared counter
 * must not lock a whole school out of signing in, and it is not something a client can cause.
 */
export async function takeRateLimit(limiter: RateLimiter, key: string, refusal: (retryAfterSeconds: number) => AppError): Promise<void> {
  let decision;
  try {
    decision = await limiter.hit(key);
  } catch (error) {
    console.error("[auth] rate limiter unavailable, allowing the request:", error instanceof Error ? error.message : error);
    return;
  }
  if (!decision.allowed) throw refusal(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)));
}
