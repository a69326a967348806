import { afterAll, describe, expect, it } from "vitest";
import { createAuthRateLimiters } from "@/lib/auth/create-auth-rate-limiters";
import { limitSignUps } from "@/lib/auth/limit-sign-ups";
import { signInThrottleKey } from "@/lib/auth/rate-limit-keys";
import { TEST_REDIS_URL, deleteKeys, redisAvailable, uniquePrefix } from "../helpers/redis";

const available = await redisAvailable();
const prefix = uniquePrefix("auth-rate");

describe.skipIf(!available)("sign-in/sign-up limits with REDIS_URL (real Redis)", () => {
  const options = {
    redisUrl: TEST_REDIS_URL,
    redisPrefix: prefix,
    signIn: { limit: 2, windowMs: 60_000, baseDelayMs: 30_000, maxDelayMs: 60_000 },
    signUp: { limit: 1, windowMs: 60_000 },
  };
  const nodeA = createAuthRateLimiters(options);
  const nodeB = createAuthRateLimiters(options);
  afterAll(async () => {
    nodeA.close();
    nodeB.close();
    await deleteKeys(prefix);
  });

  it("counts failed sign-ins on one account across app nodes, separately per device and from sign-ups", async () => {
    const account = signInThrottleKey({ email: "ADA@example.org" });
    expect((await nodeA.limiters.signIn.recordFailure(account)).locked).toBe(false);
    const second = await nodeB.limiters.signIn.recordFailure(account);
    expect(second.locked).toBe(true);
    expect(second.retryAfterMs).toBeGreaterThan(29_000);
    expect((await nodeA.limiters.signIn.check(signInThrottleKey({ email: "ada@example.org" }))).locked).toBe(true);
    expect(
      (await nodeA.limiters.signIn.check(signInThrottleKey({ email: "ada@example.org", deviceNonce: "n1" }))).locked,
    ).toBe(false);
    // A third failure doubles the wait.
    expect((await nodeA.limiters.signIn.recordFailure(account)).retryAfterMs).toBeGreaterThan(59_000);
    await nodeB.limiters.signIn.clear(account);
    expect((await nodeA.limiters.signIn.check(account)).locked).toBe(false);

    await limitSignUps({ clientAddress: "192.0.2.4", limiter: nodeB.limiters.signUp });
    await expect(limitSignUps({ clientAddress: "192.0.2.4", limiter: nodeA.limiters.signUp })).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    await expect(limitSignUps({ clientAddress: "192.0.2.5", limiter: nodeA.limiters.signUp })).resolves.toBeUndefined();
  });
});
