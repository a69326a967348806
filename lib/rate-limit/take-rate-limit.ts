import type { AppError } from "@/lib/errors/app-error";
import type { RateLimiter } from "./rate-limiter.types";

/**
 * One hit on `limiter`; throws `refusal(seconds until retry)` when over the limit. Every limit in
 * the app (sign-in, sign-up, submit, run, record) goes through here, so a limiter failure behaves
 * the same everywhere: the request is let through and one line is logged. The shared counter
 * (Redis) being unreachable is an outage of ours, not something a client caused; refusing would
 * lock a whole school out of signing in or submitting, while letting a burst through costs only
 * some extra work (docs/grading.md#rate-limits).
 */
export async function takeRateLimit(
  limiter: RateLimiter,
  key: string,
  refusal: (retryAfterSeconds: number) => AppError,
): Promise<void> {
  let decision;
  try {
    decision = await limiter.hit(key);
  } catch (error) {
    const name = key.split(":")[0];
    const reason = error instanceof Error ? error.message : error;
    console.error(`[rate-limit] ${name} limiter unavailable, allowing the request:`, reason);
    return;
  }
  if (!decision.allowed) throw refusal(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)));
}
