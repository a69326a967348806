import { AppError } from "@/lib/errors/app-error";
import type { RateLimiter } from "@/lib/rate-limit/rate-limiter.types";
import { getAuthRateLimiters } from "./auth-rate-limiters";
import { signInRateKey } from "./rate-limit-keys";
import { takeRateLimit } from "@/lib/rate-limit/take-rate-limit";

/**
 * Counts one email + password attempt for this address; RATE_LIMITED once the address has used
 * its budget (SIGN_IN_RATE_LIMIT per SIGN_IN_RATE_WINDOW_MS, default 10 per 15 minutes). Every
 * attempt counts, right or wrong, and it is checked BEFORE the password: a guesser then cannot
 * learn that the 11th guess was right, and a refused attempt costs no bcrypt time. Ten sign-ins
 * in a quarter of an hour are far above what one person does on their devices.
 */
export async function limitSignInAttempts(options: { email: string; limiter?: RateLimiter }): Promise<void> {
  const limiter = options.limiter ?? getAuthRateLimiters().signIn;
  await takeRateLimit(limiter, signInRateKey(options.email), (seconds) => new AppError("RATE_LIMITED", `Too many sign-in attempts for this account: try again in ${seconds} s.`));
}
