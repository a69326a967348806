import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpSession, uniqueEmail } from "@/tests/helpers/http-session";
import { startTestServer, type TestServer } from "@/tests/helpers/server";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.stop();
});

describe("GET /api/health", () => {
  it("reports the database, the sandbox and the version", async () => {
    const response = await fetch(`${server.url}/api/health`);
    const body = await response.json();
    expect(response.status).toBe(200);
    expect(["ok", "degraded"]).toContain(body.status);
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.database).toMatchObject({ ok: true });
    expect(typeof body.sandbox.available).toBe("boolean");
    expect(body.status).toBe(body.sandbox.available ? "ok" : "degraded");
  });
});

describe("sign-up and sign-in", () => {
  it("signs up, signs in and exposes id, role and isAdmin in the session", async () => {
    const browser = new HttpSession(server.url);
    const email = uniqueEmail("ada");
    const created = await browser.signUp({ email, password: "correct horse", name: "Ada", role: "instructor" });
    expect(created.status).toBe(201);
    expect(created.body.user?.id).toEqual(expect.any(String));

    expect(await browser.signIn(email, "correct horse")).toBe(true);
    const session = await browser.json<{ user: Record<string, unknown> }>("GET", "/api/auth/session");
    expect(session.body.user).toMatchObject({
      id: created.body.user?.id,
      email,
      name: "Ada",
      role: "instructor",
      isAdmin: false,
    });
  });

  it("refuses a wrong password without setting a session", async () => {
    const browser = new HttpSession(server.url);
    const email = uniqueEmail("bob");
    await browser.signUp({ email, password: "right password", name: "Bob", role: "student" });
    expect(await browser.signIn(email, "wrong password")).toBe(false);
    const session = await browser.json("GET", "/api/auth/session");
    expect(session.body).toEqual({});
  });

  it("rejects an invalid body with 400 and one message per field", async () => {
    const browser = new HttpSession(server.url);
    const response = await browser.json<{
      error: { code: string; message: string; details: Record<string, string[]> };
    }>("POST", "/api/auth/signup", { email: "not-an-email", password: "short", name: "", role: "admin" });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("BAD_REQUEST");
    expect(Object.keys(response.body.error.details).sort()).toEqual([
      "email",
      "name",
      "password",
      "password.rule",
      "role",
    ]);
    // The broken password rule as a code: the sign-up form shows it in the page's language.
    expect(response.body.error.details["password.rule"]).toEqual(["tooShort"]);
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it("answers malformed JSON with 400, not a stack trace", async () => {
    const browser = new HttpSession(server.url);
    const response = await browser.json<{ error: { code: string; message: string } }>(
      "POST",
      "/api/auth/signup",
      "{not json",
    );
    expect(response.status).toBe(400);
    expect(response.body.error).toEqual({
      code: "BAD_REQUEST",
      message: "The request body is not valid JSON.",
      key: "request.notJson",
    });
  });

  it("refuses a second account with the same email (case-insensitive)", async () => {
    const browser = new HttpSession(server.url);
    const email = uniqueEmail("dup");
    expect((await browser.signUp({ email, password: "password one", name: "One", role: "student" })).status).toBe(201);
    const again = await browser.signUp({
      email: email.toUpperCase(),
      password: "password two",
      name: "Two",
      role: "student",
    });
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe("CONFLICT");
  });

  it("signs out: the session cookie is cleared", async () => {
    const browser = new HttpSession(server.url);
    await browser.signUpAndSignIn({
      email: uniqueEmail("out"),
      password: "password 123",
      name: "Out",
      role: "student",
    });
    const csrf = await browser.json<{ csrfToken: string }>("GET", "/api/auth/csrf");
    await browser.fetch("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: csrf.body.csrfToken, json: "true" }).toString(),
    });
    expect(browser.hasSessionCookie()).toBe(false);
  });
});

describe("pages", () => {
  it("serves the landing page in English by default and in Chinese for zh Accept-Language", async () => {
    const en = await (await fetch(`${server.url}/`)).text();
    expect(en).toContain("See your coroutines take turns.");
    const zh = await (await fetch(`${server.url}/`, { headers: { "accept-language": "zh-CN,zh;q=0.9" } })).text();
    expect(zh).toContain("看你的协程轮流运行。");
  });

  it("lets the NEXT_LOCALE cookie win over Accept-Language", async () => {
    const html = await (
      await fetch(`${server.url}/sign-in`, { headers: { "accept-language": "zh-CN", cookie: "NEXT_LOCALE=en" } })
    ).text();
    expect(html).toContain("Welcome back.");
  });

  it("sends anonymous visitors of the dashboard to sign in", async () => {
    const response = await fetch(`${server.url}/dashboard`, { redirect: "manual" });
    expect([303, 307, 308]).toContain(response.status);
    expect(response.headers.get("location")).toContain("/sign-in?callbackUrl=%2Fdashboard");
  });
});
