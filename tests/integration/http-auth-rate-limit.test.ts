import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabaseUrl } from "@/lib/db/get-db";
import { findUserWithPasswordByEmail } from "@/lib/db/users";
import { HttpSession, uniqueEmail } from "@/tests/helpers/http-session";
import { startTestServer, type TestServer } from "@/tests/helpers/server";

// Small numbers so the test is quick; the behaviour is the same at the defaults (10 failures / 15 min, 30 s doubling).
const SIGN_IN_LIMIT = 4;
const LOCKOUT_MS = 2_500;
const SIGN_UP_LIMIT = 5;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    env: {
      SIGN_IN_RATE_LIMIT: String(SIGN_IN_LIMIT),
      SIGN_IN_RATE_WINDOW_MS: "60000",
      SIGN_IN_LOCKOUT_MS: String(LOCKOUT_MS),
      SIGN_UP_RATE_LIMIT: String(SIGN_UP_LIMIT),
    },
  });
  await useDatabaseUrl(server.databaseUrl);
}, 120_000);

afterAll(async () => {
  await useDatabaseUrl(null);
  await server?.stop();
});

/** next-auth's credentials callback as the browser's signIn() calls it: the `error` code it answers, or null on success. */
async function attemptSignIn(
  browser: HttpSession,
  email: string,
  password: string,
): Promise<{ status: number; error: string | null; signedIn: boolean }> {
  const csrf = await browser.json<{ csrfToken: string }>("GET", "/api/auth/csrf");
  const response = await browser.fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: csrf.body.csrfToken, email, password, json: "true" }).toString(),
  });
  const body = (await response.json()) as { url: string };
  const signedIn = browser.hasSessionCookie();
  // Sign out locally so the next attempt is a real sign-in, not an already signed-in browser.
  browser.forgetSession();
  return { status: response.status, error: new URL(body.url).searchParams.get("error"), signedIn };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const WRONG = { status: 401, error: "CredentialsSignin", signedIn: false };
const THROTTLED = { status: 429, error: "RateLimited", signedIn: false };
const OK = { status: 200, error: null, signedIn: true };

describe("sign-in throttling (failures only, device cookies)", () => {
  it("never limits correct sign-ins, however many in a row", async () => {
    const email = uniqueEmail("regular");
    expect(
      (
        await new HttpSession(server.url).signUp({
          email,
          password: "right password",
          name: "Regular",
          role: "student",
        })
      ).status,
    ).toBe(201);
    for (let i = 0; i < 15; i += 1)
      expect(await attemptSignIn(new HttpSession(server.url), email, "right password")).toEqual(OK);
  });

  it("slows a guesser with growing waits while the owner's own browser signs in at once", async () => {
    const victim = uniqueEmail("victim");
    expect(
      (
        await new HttpSession(server.url).signUp({
          email: victim,
          password: "right password",
          name: "Victim",
          role: "instructor",
        })
      ).status,
    ).toBe(201);
    // The owner signed in from this browser before: it holds a device cookie for the account.
    const ownBrowser = new HttpSession(server.url);
    expect(await attemptSignIn(ownBrowser, victim, "right password")).toEqual(OK);
    expect(ownBrowser.cookieHeader()).toMatch(/interleave-device=v1\./);

    const attacker = new HttpSession(server.url);
    for (let i = 0; i < SIGN_IN_LIMIT; i += 1)
      expect(await attemptSignIn(attacker, victim, `guess ${i}`)).toEqual(WRONG);
    // Locked for untrusted clients: the attacker, and a fresh browser even with the right password.
    expect(await attemptSignIn(attacker, victim, "right password")).toEqual(THROTTLED);
    expect(await attemptSignIn(new HttpSession(server.url), victim.toUpperCase(), "right password")).toEqual(THROTTLED);
    // The owner's browser is not an untrusted client: in at once, several times.
    for (let i = 0; i < 3; i += 1) expect(await attemptSignIn(ownBrowser, victim, "right password")).toEqual(OK);
    // A device cookie for ANOTHER account (the attacker's own) does not make the attacker trusted.
    const attackerEmail = uniqueEmail("attacker");
    expect(
      (await attacker.signUp({ email: attackerEmail, password: "attacker password", name: "A", role: "student" }))
        .status,
    ).toBe(201);
    expect(await attemptSignIn(attacker, attackerEmail, "attacker password")).toEqual(OK);
    expect(await attemptSignIn(attacker, victim, "guess again")).toEqual(THROTTLED);

    // The wait grows: after the first lock passes, one more failure locks for twice as long.
    await sleep(LOCKOUT_MS + 300);
    expect(await attemptSignIn(attacker, victim, "guess 5")).toEqual(WRONG);
    await sleep(LOCKOUT_MS + 300);
    expect(await attemptSignIn(attacker, victim, "guess 6")).toEqual(THROTTLED);
    await sleep(LOCKOUT_MS);
    // The right password from the owner's new laptop works once the wait is over, and resets the count.
    expect(await attemptSignIn(new HttpSession(server.url), victim, "right password")).toEqual(OK);
    expect(await attemptSignIn(attacker, victim, "guess 7")).toEqual(WRONG);
  }, 60_000);
});

describe("sign-ups per client address", () => {
  it("answers 429 past the limit, stores nothing, and cannot be dodged with forged headers", async () => {
    const browser = new HttpSession(server.url);
    // The sign-in tests above created three accounts from this address already.
    for (let i = 3; i < SIGN_UP_LIMIT; i += 1) {
      expect(
        (
          await browser.signUp({
            email: uniqueEmail("pupil"),
            password: "password 123",
            name: `Pupil ${i}`,
            role: "student",
          })
        ).status,
      ).toBe(201);
    }
    const refusedEmail = uniqueEmail("one-too-many");
    const refused = await browser.signUp({
      email: refusedEmail,
      password: "password 123",
      name: "Late",
      role: "student",
    });
    expect(refused.status).toBe(429);
    expect(refused.body.error?.code).toBe("RATE_LIMITED");
    expect(refused.body.error?.message).toMatch(
      /^Too many accounts were created from your network: try again in \d+ min\.$/,
    );
    expect(await findUserWithPasswordByEmail(refusedEmail)).toBeNull();

    // Without TRUST_PROXY the client's own X-Forwarded-For, or a forged stamp, changes nothing.
    const forged = await browser.fetch("/api/auth/signup", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-forwarded-for": "198.51.100.23",
        "x-interleave-client-address": "198.51.100.24",
      },
      body: JSON.stringify({ email: refusedEmail, password: "password 123", name: "Late", role: "student" }),
    });
    expect(forged.status).toBe(429);
    expect(await findUserWithPasswordByEmail(refusedEmail)).toBeNull();
  });
});
