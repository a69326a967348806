/**
 * /account and /admin/users on the production server, in both languages, and a role change or a
 * removal taking effect at once on pages, the API and live connections.
 */
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "@/scripts/production-build";
import { getDb, useDatabaseUrl } from "@/lib/db/get-db";
import { HttpSession } from "@/tests/helpers/http-session";
import { classWithExercise, connected, joinRoom, liveSocket, newUser, type ClientSocket } from "@/tests/helpers/live";
import { startTestServer, type TestServer } from "@/tests/helpers/server";

let server: TestServer;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  server = await startTestServer({
    env: { SESSION_MAX_AGE_SECONDS: "3600", SESSION_ABSOLUTE_MAX_AGE_SECONDS: "7200" },
  });
  await useDatabaseUrl(server.databaseUrl);
}, 120_000);
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await useDatabaseUrl(null);
  await server?.stop();
});

/** A page as the session's browser sees it, in `locale` (the language switcher's cookie). */
async function page(session: HttpSession, pathname: string, locale = "en"): Promise<{ status: number; html: string }> {
  const cookie = [session.cookieHeader(), `NEXT_LOCALE=${locale}`].filter(Boolean).join("; ");
  const response = await fetch(`${server.url}${pathname}`, { headers: { cookie }, redirect: "manual" });
  return { status: response.status, html: await response.text() };
}

async function adminSession(): Promise<{ session: HttpSession; id: string }> {
  const session = await newUser(server.url, "instructor", "Admin");
  const me = await session.json<{ user: { id: string } }>("GET", "/api/auth/session");
  await getDb().user.update({ where: { id: me.body.user.id }, data: { isAdmin: true } });
  return { session, id: me.body.user.id };
}

function openSocket(session: HttpSession): ClientSocket {
  const socket = liveSocket(server.url, session);
  sockets.push(socket);
  return socket;
}

describe("/account", () => {
  it("sends anonymous visitors to sign in, and shows the account in English and Chinese", async () => {
    const anonymous = await page(new HttpSession(server.url), "/account");
    expect(anonymous.status).toBe(307);
    const student = await newUser(server.url, "student", "Mei Ling");
    const en = await page(student, "/account");
    expect(en.status).toBe(200);
    expect(en.html).toContain("Your account");
    expect(en.html).toContain("Mei Ling");
    expect(en.html).toContain("Sign out everywhere");
    const zh = await page(student, "/account", "zh-CN");
    expect(zh.html).toContain("你的账户");
    expect(zh.html).toContain("在所有设备上退出");
    expect(zh.html).not.toContain("Sign out everywhere");
  });
});

describe("session expiry", () => {
  it("issues the session cookie for SESSION_MAX_AGE_SECONDS, renewed by the session endpoint pages call", async () => {
    const student = await newUser(server.url, "student", "Expiring");
    // app/_components/session-refresh.tsx calls this from pages (at most hourly): a new idle expiry.
    const response = await student.fetch("/api/auth/session");
    const line = response.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
    const expires = line ? /Expires=([^;]+)/i.exec(line)?.[1] : undefined;
    expect(expires, String(line)).toBeDefined();
    const seconds = (Date.parse(String(expires)) - Date.now()) / 1000;
    // One hour as configured, not next-auth's default of 30 days.
    expect(seconds).toBeGreaterThan(3500);
    expect(seconds).toBeLessThanOrEqual(3601);
    // The renewed cookie still works.
    expect((await student.json("GET", "/api/classes")).status).toBe(200);
  });
});

describe("changing the password", () => {
  it("asks for the current one, refuses weak ones with a code, and ends the other sessions", async () => {
    const laptop = await newUser(server.url, "student", "Pat Changer");
    const email = (await laptop.json<{ user: { email: string } }>("GET", "/api/auth/session")).body.user.email;
    type Refusal = { error: { code: string; details: Record<string, string[]> } };
    const wrong = await laptop.json<Refusal>("POST", "/api/account/password", {
      currentPassword: "nope",
      newPassword: "a brand new passphrase",
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details["currentPassword.rule"]).toEqual(["wrongCurrent"]);
    const weak = await laptop.json<Refusal>("POST", "/api/account/password", {
      currentPassword: "password 123",
      newPassword: "qwerty123",
    });
    expect(weak.body.error.details["newPassword.rule"]).toEqual(["common"]);
    const short = await laptop.json<Refusal>("POST", "/api/account/password", {
      currentPassword: "password 123",
      newPassword: "short",
    });
    expect(short.body.error.details["newPassword.rule"]).toEqual(["tooShort"]);
    // Nothing changed so far: the old password still signs in.
    const phone = new HttpSession(server.url);
    expect(await phone.signIn(email, "password 123")).toBe(true);

    const changed = await laptop.json("POST", "/api/account/password", {
      currentPassword: "password 123",
      newPassword: "a brand new passphrase",
    });
    expect(changed.status).toBe(200);
    expect((await phone.json("GET", "/api/classes")).status).toBe(401);
    expect((await laptop.json("GET", "/api/classes")).status).toBe(401);
    expect(await new HttpSession(server.url).signIn(email, "password 123")).toBe(false);
    const again = new HttpSession(server.url);
    expect(await again.signIn(email, "a brand new passphrase")).toBe(true);
    expect((await again.json("GET", "/api/classes")).status).toBe(200);
    // The account page offers the form, in both languages.
    expect((await page(again, "/account")).html).toContain(">Change password<");
    expect((await page(again, "/account", "zh-CN")).html).toContain(">修改密码<");
  });
});

describe("/admin/users", () => {
  it("is a 404 for everyone but administrators, who see and search the accounts", async () => {
    const teacher = await newUser(server.url, "instructor", "Plain Teacher");
    expect((await page(teacher, "/admin/users")).status).toBe(404);
    const { session: admin } = await adminSession();
    const list = await page(admin, "/admin/users");
    expect(list.status).toBe(200);
    expect(list.html).toContain("Plain Teacher");
    const searched = await page(admin, "/admin/users?q=plain");
    expect(searched.html).toContain("Plain Teacher");
    expect(searched.html).not.toContain("Mei Ling");
    expect((await page(admin, "/admin/users", "zh-CN")).html).toContain("用户和身份");
  });
});

describe("npm run user:admin", () => {
  it("makes an account an administrator (at once for its open session), and revokes it", async () => {
    const operator = await newUser(server.url, "instructor", "Future Admin");
    const email = (await operator.json<{ user: { email: string } }>("GET", "/api/auth/session")).body.user.email;
    expect((await page(operator, "/admin/users")).status).toBe(404);
    const run = (...args: string[]) =>
      spawnSync("npm", ["run", "--silent", "user:admin", "--", ...args], {
        cwd: REPO_ROOT,
        env: { ...process.env, DATABASE_URL: server.databaseUrl },
        encoding: "utf8",
      });
    const granted = run(email.toUpperCase());
    expect(granted.status, granted.stderr).toBe(0);
    expect(granted.stdout).toContain("is now an administrator");
    expect((await page(operator, "/admin/users")).status).toBe(200);
    expect(run(email, "--revoke").stdout).toContain("no longer an administrator");
    expect((await page(operator, "/admin/users")).status).toBe(404);
    const missing = run("nobody@example.test");
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("No account has the email nobody@example.test");
    expect(run().status).toBe(2);
  }, 60_000);
});

describe("a role change or a removal takes effect at once", () => {
  it("on pages, the API and live connections of an existing session", async () => {
    const { session: admin } = await adminSession();
    const teacher = await newUser(server.url, "instructor", "Soon Student");
    const teacherId = (await teacher.json<{ user: { id: string } }>("GET", "/api/auth/session")).body.user.id;
    const { classId } = await classWithExercise(teacher, "Role change");
    const socket = openSocket(teacher);
    await connected(socket);
    const ack = await joinRoom(socket, classId);
    expect(ack).toMatchObject({ ok: true, data: { staff: true } });
    // Rendered text (not the messages the page embeds for its client components).
    const instructorLead = ">Create a class, then share its join code with your students.<";
    const studentLead = ">Classes you have joined.<";
    expect((await page(teacher, "/dashboard")).html).toContain(instructorLead);
    const dropped = new Promise<string>((resolve) => socket.once("disconnect", resolve));

    const changed = await admin.json("POST", `/api/admin/users/${teacherId}/role`, { role: "student" });
    expect(changed.status).toBe(200);

    expect(await dropped).toBe("io server disconnect");
    const after = (await page(teacher, "/dashboard")).html;
    expect(after).toContain(studentLead);
    expect(after).not.toContain(instructorLead);
    expect((await teacher.json("POST", "/api/classes", { name: "No more" })).status).toBe(403);
    expect((await teacher.json("GET", `/api/classes/${classId}/roster`)).status).toBe(403);
    // The session itself stays valid: the same cookie reconnects (the handshake reads the role afresh).
    // Still the class's owner, they keep its room — ownership, not the role, decides that.
    const again = openSocket(teacher);
    await connected(again);
    expect(await joinRoom(again, classId)).toMatchObject({ ok: true });
  });

  it("a removed student loses the class page, the API and the class's live room", async () => {
    const teacher = await newUser(server.url, "instructor", "Owner");
    const { classId, joinCode } = await classWithExercise(teacher, "Removal");
    const student = await newUser(server.url, "student", "Leaving");
    const studentId = (await student.json<{ user: { id: string } }>("GET", "/api/auth/session")).body.user.id;
    expect((await student.json("POST", "/api/classes/join", { code: joinCode })).status).toBe(201);
    const socket = openSocket(student);
    await connected(socket);
    expect(await joinRoom(socket, classId)).toMatchObject({ ok: true });
    expect((await page(student, `/classes/${classId}`)).status).toBe(200);

    expect((await teacher.json("DELETE", `/api/classes/${classId}/students/${studentId}`)).status).toBe(200);

    expect((await page(student, `/classes/${classId}`)).status).toBe(404);
    expect((await student.json("GET", `/api/classes/${classId}`)).status).toBe(404);
    expect(await joinRoom(socket, classId)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });
});
