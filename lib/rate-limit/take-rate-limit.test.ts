import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { takeRateLimit } from "./take-rate-limit";

const refusal = (seconds: number) => new AppError("RATE_LIMITED", `wait ${seconds} s`);

afterEach(() => vi.restoreAllMocks());

describe("takeRateLimit (every limit of the app)", () => {
  it("refuses over the limit with the seconds to wait (at least 1)", async () => {
    const limiter = { hit: async () => ({ allowed: false, retryAfterMs: 200, remaining: 0 }) };
    const refused = takeRateLimit(limiter, "submit:u1", refusal);
    await expect(refused).rejects.toMatchObject({ code: "RATE_LIMITED", message: "wait 1 s" });
    const later = { hit: async () => ({ allowed: false, retryAfterMs: 12_500, remaining: 0 }) };
    await expect(takeRateLimit(later, "run:u1", refusal)).rejects.toThrow("wait 13 s");
  });

  it("lets the request through and logs one line when the limiter itself fails", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const broken = { hit: async () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:6379")) };
    await expect(takeRateLimit(broken, "submit:u1", refusal)).resolves.toBeUndefined();
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]?.[0])).toContain("[rate-limit] submit limiter unavailable");
  });

  it("allows under the limit", async () => {
    const limiter = { hit: async () => ({ allowed: true, retryAfterMs: 0, remaining: 3 }) };
    await expect(takeRateLimit(limiter, "record:u1", refusal)).resolves.toBeUndefined();
  });
});
