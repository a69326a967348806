import { afterAll, describe, expect, it } from "vitest";
import { createAuthRateLimiters } from "@/lib/auth/create-auth-rate-limiters";
import { limitSignInAttempts } from "@/lib/auth/limit-sign-in-attempts";
import { limitSignUps } from "@/lib/auth/limit-sign-ups";
import { TEST_REDIS_URL, deleteKeys, redisAvailable, uniquePrefix } from "../helpers/redis";

const available = await redisAvailable();
const prefix = uniquePrefix("auth-rate");

describe.skipIf(!available)("sign-in/sign-up limits with REDIS_URL (real Redis)", () => {
  const options = { redisUrl: TEST_REDIS_URL, redisPrefix: prefix, signIn: { limit: 2, windowMs: 60_000 }, signUp: { limit: 1, windowMs: 60_000 } };
  const nodeA = createAuthRateLimiters(options);
  const nodeB = createAuthRateLimiters(options);
  afterAll(async () => {
    nodeA.close();
    nodeB.close();
    await deleteKeys(prefix);
  });

  it("counts attempts on one account across app nodes, separately from sign-ups", async () => {
    await limitSignInAttempts({ email: "ada@example.org", limiter: nodeA.limiters.signIn });
    await limitSignInAttempts({ email: "ADA@example.org", limiter: nodeB.limiters.signIn });
    await expect(limitSignInAttempts({ email: "ada@example.org", limiter: nodeA.limiters.signIn })).rejects.toMatchObject({ code: "RATE_LIMITED" });

    await limitSignUps({ clientAddress: "192.0.2.4", limiter: nodeB.limiters.signUp });
    await expect(limitSignUps({ clientAddress: "192.0.2.4", limiter: nodeA.limiters.signUp })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(limitSignUps({ clientAddress: "192.0.2.5", limiter: nodeA.limiters.signUp })).resolves.toBeUndefined();
  });
});
