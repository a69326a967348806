import { describe, expect, it } from "vitest";
import { createDeviceToken, deviceCookieHeader, readDeviceToken } from "./device-cookie";

const secret = "a-test-secret-of-enough-length";

describe("device cookie", () => {
  it("round-trips the account and refuses tampering, other secrets and garbage", () => {
    const token = createDeviceToken(" Ada@Example.org ", secret);
    const read = readDeviceToken(token, secret);
    expect(read?.email).toBe("ada@example.org");
    expect(read?.nonce).toMatch(/^[\w-]{22}$/);
    expect(createDeviceToken("ada@example.org", secret)).not.toBe(token);
    const [v, , nonce, sig] = token.split(".");
    const forged = [v, Buffer.from("teacher@school.org").toString("base64url"), nonce, sig].join(".");
    expect(readDeviceToken(forged, secret)).toBeNull();
    expect(readDeviceToken(token, "another-secret-entirely")).toBeNull();
    for (const junk of [undefined, "", "v1.a.b", "v2.a.b.c", `${token}x`])
      expect(readDeviceToken(junk, secret)).toBeNull();
  });

  it("is HttpOnly and long-lived, __Host- and Secure over https", () => {
    expect(deviceCookieHeader({ email: "a@x.org", secret, secureCookie: false })).toMatch(
      /^interleave-device=v1\.[^;]+; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax$/,
    );
    expect(deviceCookieHeader({ email: "a@x.org", secret, secureCookie: true })).toMatch(
      /^__Host-interleave-device=.+; Secure$/,
    );
  });
});
