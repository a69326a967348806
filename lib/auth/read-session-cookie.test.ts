import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { readSessionCookie } from "./read-session-cookie";

const secret = "a-test-secret-of-enough-length";
const claims = { sub: "user-1", email: "ada@example.org", name: "Ada", role: "instructor", isAdmin: false };

describe("readSessionCookie", () => {
  it("decodes the session cookie into the session user", async () => {
    const token = await encode({ token: claims, secret });
    const user = await readSessionCookie({
      cookieHeader: `other=1; next-auth.session-token=${token}`,
      secret,
      secureCookie: false,
    });
    expect(user).toEqual({ id: "user-1", email: "ada@example.org", name: "Ada", role: "instructor", isAdmin: false });
  });

  it("joins chunked cookies in order and reads the __Secure- name over https", async () => {
    const token = await encode({ token: claims, secret });
    const [a, b, c] = [token.slice(0, 100), token.slice(100, 200), token.slice(200)];
    const header = `__Secure-next-auth.session-token.2=${c}; __Secure-next-auth.session-token.0=${a}; __Secure-next-auth.session-token.1=${b}`;
    expect((await readSessionCookie({ cookieHeader: header, secret, secureCookie: true }))?.id).toBe("user-1");
    // Over https the plain name is not the session cookie.
    expect(
      await readSessionCookie({ cookieHeader: `next-auth.session-token=${token}`, secret, secureCookie: true }),
    ).toBeNull();
  });

  it("is null without a cookie, with another secret, with garbage or without a role", async () => {
    const token = await encode({ token: claims, secret });
    expect(await readSessionCookie({ cookieHeader: null, secret, secureCookie: false })).toBeNull();
    expect(
      await readSessionCookie({
        cookieHeader: `next-auth.session-token=${token}`,
        secret: "another-secret-entirely",
        secureCookie: false,
      }),
    ).toBeNull();
    expect(
      await readSessionCookie({ cookieHeader: "next-auth.session-token=not.a.jwe", secret, secureCookie: false }),
    ).toBeNull();
    const roleless = await encode({ token: { ...claims, role: undefined }, secret });
    expect(
      await readSessionCookie({ cookieHeader: `next-auth.session-token=${roleless}`, secret, secureCookie: false }),
    ).toBeNull();
  });

  it("refuses an expired token", async () => {
    const token = await encode({ token: claims, secret, maxAge: -60 });
    expect(
      await readSessionCookie({ cookieHeader: `next-auth.session-token=${token}`, secret, secureCookie: false }),
    ).toBeNull();
  });
});
