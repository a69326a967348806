import { describe, expect, it } from "vitest";
import { limitSignUps } from "./limit-sign-ups";
import { signInThrottleKey, signUpRateKey } from "./rate-limit-keys";

describe("auth rate-limit keys", () => {
  it("counts one account whatever the case and spacing of its email", () => {
    expect(signInThrottleKey({ email: " Ada@Example.ORG " })).toBe(signInThrottleKey({ email: "ada@example.org" }));
    expect(signInThrottleKey({ email: "ada@example.org" })).not.toBe(signInThrottleKey({ email: "bob@example.org" }));
    expect(signInThrottleKey({ email: "ada@example.org", deviceNonce: "n" })).not.toBe(
      signInThrottleKey({ email: "ada@example.org" }),
    );
    expect(signUpRateKey("192.0.2.4")).toBe("ip:192.0.2.4");
    // An email can never collide with an address key.
    expect(signInThrottleKey({ email: "ip:1" })).not.toBe(signUpRateKey("1"));
  });
});

describe("limitSignUps", () => {
  it("say how long to wait, and let requests through when the limiter is down", async () => {
    const full = { hit: async () => ({ allowed: false, retryAfterMs: 90_000, remaining: 0 }) };
    await expect(limitSignUps({ clientAddress: "192.0.2.4", limiter: full })).rejects.toThrow("try again in 2 min");
    const broken = { hit: async () => Promise.reject(new Error("ECONNREFUSED")) };
    await expect(limitSignUps({ clientAddress: "192.0.2.4", limiter: broken })).resolves.toBeUndefined();
  });
});
