import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabaseUrl } from "@/lib/db/get-db";
import { findUserWithPasswordByEmail } from "@/lib/db/users";
import { HttpSession, uniqueEmail } from "@/tests/helpers/http-session";
import { startTestServer, type TestServer } from "@/tests/helpers/server";

// Small limits so the test is quick; the behaviour is the same at the defaults (10 / 15 min, 60 / h).
const SIGN_IN_LIMIT = 5;
const SIGN_IN_WINDOW_MS = 10_000;
const SIGN_UP_LIMIT = 4;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    env: { SIGN_IN_RATE_LIMIT: String(SIGN_IN_LIMIT), SIGN_IN_RATE_WINDOW_MS: String(SIGN_IN_WINDOW_MS), SIGN_UP_RATE_LIMIT: String(SIGN_UP_LIMIT) },
  });
  await useDatabaseUrl(server.databaseUrl);
}, 120_000);

afterAll(async () => {
  await useDatabaseUrl(null);
  await server?.stop();
});

/** next-auth's credentials callback as the browser's signIn() calls it: the `error` code it answers, or null on success. */
async function attemptSignIn(browser: HttpSession, email: string, password: string): Promise<{ status: number; error: string | null; signedIn: boolean }> {
  const csrf = await browser.json<{ csrfToken: string }>("GET", "/api/auth/csrf");
  const response = await browser.fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: csrf.body.csrfToken, email, password, json: "true" }).toString(),
  });
  const body = (await response.json()) as { url: string };
  return { status: response.status, error: new URL(body.url).searchParams.get("error"), signedIn: browser.hasSessionCookie() };
}

describe("sign-in attempts per email address", () => {
  it("refuses the attempt after the limit even with the right password, for that email only, until the window passes", async () => {
    const setup = new HttpSession(server.url);
    const victim = uniqueEmail("victim");
    const bystander = uniqueEmail("bystander");
    expect((await setup.signUp({ email: victim, password: "right password", name: "Victim", role: "student" })).status).toBe(201);
    expect((await setup.signUp({ email: bystander, password: "right password", name: "Bystander", role: "student" })).status).toBe(201);

    const attacker = new HttpSession(server.url);
    const firstAttemptAt = Date.now();
    for (let i = 0; i < SIGN_IN_LIMIT; i += 1) {
      expect(await attemptSignIn(attacker, victim, `guess ${i}`)).toEqual({ status: 401, error: "CredentialsSignin", signedIn: false });
    }
    // The right password no longer helps: refused like a wrong one (401, no session) but with its own code.
    const owner = new HttpSession(server.url);
    expect(await attemptSignIn(owner, victim.toUpperCase(), "right password")).toEqual({ status: 401, error: "RateLimited", signedIn: false });
    expect(Date.now() - firstAttemptAt, "the attempts took longer than the window; the test proves nothing").toBeLessThan(SIGN_IN_WINDOW_MS);

    // Same client address, other account: unaffected (a classroom shares one address).
    expect(await attemptSignIn(new HttpSession(server.url), bystander, "right password")).toEqual({ status: 200, error: null, signedIn: true });

    await new Promise((resolve) => setTimeout(resolve, firstAttemptAt + SIGN_IN_WINDOW_MS + 500 - Date.now()));
    expect(await attemptSignIn(owner, victim, "right password")).toEqual({ status: 200, error: null, signedIn: true });
    const session = await owner.json<{ user?: { email: string } }>("GET", "/api/auth/session");
    expect(session.body.user?.email).toBe(victim);
  }, 60_000);
});

describe("sign-ups per client address", () => {
  it("answers 429 past the limit, stores nothing, and cannot be dodged with forged headers", async () => {
    const browser = new HttpSession(server.url);
    // The sign-in test above created two accounts from this address already.
    for (let i = 2; i < SIGN_UP_LIMIT; i += 1) {
      expect((await browser.signUp({ email: uniqueEmail("pupil"), password: "password 123", name: `Pupil ${i}`, role: "student" })).status).toBe(201);
    }
    const refusedEmail = uniqueEmail("one-too-many");
    const refused = await browser.signUp({ email: refusedEmail, password: "password 123", name: "Late", role: "student" });
    expect(refused.status).toBe(429);
    expect(refused.body.error?.code).toBe("RATE_LIMITED");
    expect(refused.body.error?.message).toMatch(/^Too many accounts were created from your network: try again in \d+ min\.$/);
    expect(await findUserWithPasswordByEmail(refusedEmail)).toBeNull();

    // Without TRUST_PROXY the client's own X-Forwarded-For, or a forged stamp, changes nothing.
    const forged = await browser.fetch("/api/auth/signup", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.23", "x-interleave-client-address": "198.51.100.24" },
      body: JSON.stringify({ email: refusedEmail, password: "password 123", name: "Late", role: "student" }),
    });
    expect(forged.status).toBe(429);
    expect(await findUserWithPasswordByEmail(refusedEmail)).toBeNull();
  });
});
