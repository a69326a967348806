import { z } from "zod";
import { parseInput } from "@/lib/config/parse-input";
import { findPasswordHash, updatePasswordHash } from "@/lib/db/users";
import { AppError } from "@/lib/errors/app-error";
import type { FailureThrottle } from "@/lib/rate-limit/failure-throttle.types";
import { getRealtimePublisher } from "@/lib/realtime/publisher";
import { getAuthRateLimiters } from "./auth-rate-limiters";
import { callThrottleSafely } from "./call-throttle-safely";
import { loadActor } from "./load-actor";
import { hashPassword, verifyPassword } from "./password";
import { PASSWORD_RULE_MESSAGES, passwordRule } from "./password-rules";
import { newPasswordSchema } from "./sign-up.types";

export const changePasswordInput = z.object({
  userId: z.string().min(1),
  currentPassword: z.string({ message: "Enter your current password." }).max(1024),
  newPassword: newPasswordSchema,
});

const WRONG_CURRENT = "The current password is not right.";

/**
 * The signed-in user sets a new password. The current one is asked for (a borrowed, still
 * signed-in browser must not be able to take the account over), the new one follows the password
 * rules, and every session issued before — a lost phone's included — ends; the browser that
 * changed it signs in again with the new password. Errors carry codes the form translates
 * (`password.rule`, `currentPassword.rule`). Wrong current passwords count like failed sign-ins
 * (the same throttle and limits, on the account's own key): a borrowed signed-in browser cannot
 * guess the password here faster than at the sign-in page (RATE_LIMITED).
 */
export async function changePassword(
  input: z.input<typeof changePasswordInput>,
  deps: { throttle?: FailureThrottle } = {},
): Promise<{ ok: true }> {
  const { userId, currentPassword, newPassword } = parseInput(changePasswordInput, input);
  const actor = await loadActor(userId);
  const throttle = deps.throttle ?? getAuthRateLimiters().signIn;
  const key = `password-change:${actor.id}`;
  const state = await callThrottleSafely(() => throttle.check(key));
  if (state?.locked)
    throw new AppError(
      "RATE_LIMITED",
      `Too many wrong current passwords: try again in ${Math.max(1, Math.ceil(state.retryAfterMs / 1000))} s.`,
      { key: "rate.passwordAttempts", params: { seconds: Math.max(1, Math.ceil(state.retryAfterMs / 1000)) } },
    );
  const hash = await findPasswordHash(actor.id);
  if (!hash || !(await verifyPassword(currentPassword, hash))) {
    await callThrottleSafely(() => throttle.recordFailure(key));
    throw new AppError("BAD_REQUEST", WRONG_CURRENT, {
      currentPassword: [WRONG_CURRENT],
      "currentPassword.rule": ["wrongCurrent"],
    });
  }
  await callThrottleSafely(() => throttle.clear(key));
  const rule = passwordRule(newPassword, { email: actor.email, name: actor.name });
  if (rule)
    throw new AppError("BAD_REQUEST", PASSWORD_RULE_MESSAGES[rule], {
      newPassword: [PASSWORD_RULE_MESSAGES[rule]],
      "newPassword.rule": [rule],
    });
  await updatePasswordHash(actor.id, await hashPassword(newPassword));
  getRealtimePublisher().disconnectUser(actor.id);
  return { ok: true };
}
