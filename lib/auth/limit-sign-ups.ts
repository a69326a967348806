import { AppError } from "@/lib/errors/app-error";
import type { RateLimiter } from "@/lib/rate-limit/rate-limiter.types";
import { getAuthRateLimiters } from "./auth-rate-limiters";
import { signUpRateKey } from "./rate-limit-keys";
import { takeRateLimit } from "@/lib/rate-limit/take-rate-limit";

/**
 * Counts one account creation from this client address; RATE_LIMITED over SIGN_UP_RATE_LIMIT per
 * SIGN_UP_RATE_WINDOW_MS (default 60 per hour: a class of 40 behind one school NAT signs up at
 * once with room for a few retries, a script creating accounts in bulk is stopped). The route
 * calls it after the body validated, so a form sent back for a typo does not use the budget.
 */
export async function limitSignUps(options: { clientAddress: string; limiter?: RateLimiter }): Promise<void> {
  const limiter = options.limiter ?? getAuthRateLimiters().signUp;
  await takeRateLimit(
    limiter,
    signUpRateKey(options.clientAddress),
    (seconds) =>
      new AppError(
        "RATE_LIMITED",
        `Too many accounts were created from your network: try again in ${Math.ceil(seconds / 60)} min.`,
        { key: "rate.signUps", params: { minutes: Math.ceil(seconds / 60) } },
      ),
  );
}
