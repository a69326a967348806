import { AppError } from "@/lib/errors/app-error";
import type { UserRecord } from "@/lib/db/users";
import type { FailureThrottle, ThrottleState } from "@/lib/rate-limit/failure-throttle.types";
import { getAuthRateLimiters } from "./auth-rate-limiters";
import { callThrottleSafely } from "./call-throttle-safely";
import { readDeviceToken } from "./device-cookie";
import { signInThrottleKey } from "./rate-limit-keys";
import { verifyCredentials } from "./verify-credentials";

export interface SignInWithPasswordOptions {
  email: string;
  password: string;
  /** The `interleave-device` cookie the browser sent, if any. */
  deviceToken?: string | null;
  /** NEXTAUTH_SECRET: device tokens are signed with it. */
  secret: string;
  throttle?: FailureThrottle;
}

/**
 * Email + password sign-in, throttled the way OWASP's device-cookie scheme describes:
 * - only FAILURES count, so the owner signing in again and again is never slowed;
 * - a browser that signed in to this account before (valid device token for this email) has its
 *   own failure count: a guesser elsewhere cannot lock the owner out of their own browser;
 * - every other client shares the account's "untrusted" count: after SIGN_IN_RATE_LIMIT failures
 *   they wait, longer after each further failure (RATE_LIMITED, checked before the password so a
 *   locked guesser learns nothing and costs no bcrypt time).
 * The user on success, null on wrong credentials.
 */
export async function signInWithPassword(options: SignInWithPasswordOptions): Promise<UserRecord | null> {
  const throttle = options.throttle ?? getAuthRateLimiters().signIn;
  const email = options.email.trim().toLowerCase();
  const key = await chooseKey(throttle, email, options);
  const state = await callThrottleSafely(() => throttle.check(key));
  if (state?.locked) throw rateLimited(state.retryAfterMs);
  const user = await verifyCredentials({ email, password: options.password });
  if (!user) {
    await callThrottleSafely(() => throttle.recordFailure(key));
    return null;
  }
  await callThrottleSafely(() => throttle.clear(key));
  return user;
}

/** The device's own key when its token is valid for this account and not itself locked out. */
async function chooseKey(
  throttle: FailureThrottle,
  email: string,
  options: SignInWithPasswordOptions,
): Promise<string> {
  const untrusted = signInThrottleKey({ email });
  const device = readDeviceToken(options.deviceToken, options.secret);
  if (!device || device.email !== email) return untrusted;
  const deviceKey = signInThrottleKey({ email, deviceNonce: device.nonce });
  const deviceState = await callThrottleSafely(() => throttle.check(deviceKey));
  // A device token that collected too many failures itself (stolen cookie?) is just untrusted.
  return deviceState?.locked ? untrusted : deviceKey;
}

function rateLimited(retryAfterMs: number): AppError {
  return new AppError(
    "RATE_LIMITED",
    `Too many failed sign-ins for this account: try again in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s.`,
    { key: "rate.signIn", params: { seconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) } },
  );
}
