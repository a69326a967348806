import { describe, expect, it } from "vitest";
import { createMemoryRateLimiter } from "@/lib/rate-limit/create-memory-rate-limiter";
import { limitSignInAttempts } from "./limit-sign-in-attempts";
import { limitSignUps } from "./limit-sign-ups";
import { signInRateKey, signUpRateKey } from "./rate-limit-keys";

describe("auth rate-limit keys", () => {
  it("counts one account whatever the case and spacing of its email", () => {
    expect(signInRateKey(" Ada@Example.ORG ")).toBe(signInRateKey("ada@example.org"));
    expect(signInRateKey("ada@example.org")).not.toBe(signInRateKey("bob@example.org"));
    expect(signUpRateKey("192.0.2.4")).toBe("ip:192.0.2.4");
    // An email can never collide with an address key.
    expect(signInRateKey("ip:1")).not.toBe(signUpRateKey("1"));
  });
});

describe("limitSignInAttempts / limitSignUps", () => {
  it("refuse with RATE_LIMITED past the limit, per key", async () => {
    const limiter = createMemoryRateLimiter({ limit: 2, windowMs: 60_000 });
    await limitSignInAttempts({ email: "a@x.org", limiter });
    await limitSignInAttempts({ email: "A@X.org", limiter });
    await expect(limitSignInAttempts({ email: "a@x.org", limiter })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(limitSignInAttempts({ email: "b@x.org", limiter })).resolves.toBeUndefined();
  });

  it("say how long to wait, and let requests through when the limiter is down", async () => {
    const full = { hit: async () => ({ allowed: false, retryAfterMs: 90_000, remaining: 0 }) };
    await expect(limitSignUps({ clientAddress: "192.0.2.4", limiter: full })).rejects.toThrow("try again in 2 min");
    const broken = { hit: async () => Promise.reject(new Error("ECONNREFUSED")) };
    await expect(limitSignUps({ clientAddress: "192.0.2.4", limiter: broken })).resolves.toBeUndefined();
  });
});
