import { describe, expect, it } from "vitest";
import { isAllowedOrigin } from "@/lib/realtime/is-allowed-origin";
import { createTokenBucket } from "@/lib/realtime/token-bucket";

describe("isAllowedOrigin", () => {
  const allowedOrigins = ["https://class.example.org"];
  it("accepts the configured public origin and the host the request was sent to", () => {
    expect(isAllowedOrigin({ origin: "https://class.example.org", host: "10.0.0.5:3000", allowedOrigins })).toBe(true);
    expect(isAllowedOrigin({ origin: "http://10.0.0.5:3000", host: "10.0.0.5:3000", allowedOrigins })).toBe(true);
  });

  it("refuses another site, a look-alike and a non-web scheme", () => {
    expect(isAllowedOrigin({ origin: "https://evil.example", host: "10.0.0.5:3000", allowedOrigins })).toBe(false);
    expect(
      isAllowedOrigin({ origin: "https://class.example.org.evil.example", host: "class.example.org", allowedOrigins }),
    ).toBe(false);
    expect(isAllowedOrigin({ origin: "null", host: "class.example.org", allowedOrigins })).toBe(false);
    expect(isAllowedOrigin({ origin: "file://x", host: "x", allowedOrigins })).toBe(false);
  });

  it("lets a request without Origin through (same-origin GET, non-browser client)", () => {
    expect(isAllowedOrigin({ origin: undefined, host: "a", allowedOrigins })).toBe(true);
  });
});

describe("createTokenBucket", () => {
  it("allows a burst, then refills at the given rate", () => {
    let now = 0;
    const bucket = createTokenBucket({ burst: 3, perSecond: 2, now: () => now });
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now = 499;
    expect(bucket.take()).toBe(false);
    now = 500;
    expect(bucket.take()).toBe(true);
    now = 10_000;
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
  });
});
