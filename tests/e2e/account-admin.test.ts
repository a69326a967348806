/**
 * /account and /admin/users in a real browser (production build): an admin changes a student's
 * role through the confirm dialog (Chinese, 390 px), and a user signs out everywhere, which also
 * signs out their other browser.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { getDb, useDatabaseUrl } from "@/lib/db/get-db";
import { sessionCookies } from "@/tests/helpers/browser";
import { startBrowserWorld, type BrowserWorld } from "@/tests/helpers/browser-world";
import type { HttpSession } from "@/tests/helpers/http-session";
import { newUser } from "@/tests/helpers/live";
import type { TestServer } from "@/tests/helpers/server";

let world: BrowserWorld;
let server: TestServer;

/** A page with `session`'s cookies and the UI language chosen by cookie (the browser's is left unset). */
async function pageAs(session: HttpSession, options: { width?: number; locale?: string } = {}): Promise<Page> {
  const context = await world.newContext({ viewport: { width: options.width ?? 1280, height: 900 } });
  await context.addCookies([
    ...sessionCookies(session, server.url),
    { name: "NEXT_LOCALE", value: options.locale ?? "en", url: server.url },
  ]);
  return context.newPage();
}

async function idOf(session: HttpSession): Promise<string> {
  return (await session.json<{ user: { id: string } }>("GET", "/api/auth/session")).body.user.id;
}

beforeAll(async () => {
  world = await startBrowserWorld();
  server = world.server;
  await useDatabaseUrl(server.databaseUrl);
}, 120_000);

afterAll(async () => {
  await useDatabaseUrl(null);
  await world?.close();
});

describe("administrators", () => {
  it("change a role through the confirm dialog, in Chinese on a phone", async () => {
    const admin = await newUser(server.url, "instructor", "Head Admin");
    await getDb().user.update({ where: { id: await idOf(admin) }, data: { isAdmin: true } });
    const student = await newUser(server.url, "student", "Promoted Pupil");
    const page = await pageAs(admin, { width: 390, locale: "zh-CN" });
    await page.goto(`${server.url}/admin/users`);
    await expect.poll(() => page.getByRole("heading", { name: "用户和身份" }).isVisible()).toBe(true);
    const row = page.getByRole("listitem").filter({ hasText: "Promoted Pupil" });
    const change = row.getByRole("button", { name: "修改身份" });
    expect(await change.isDisabled()).toBe(true);
    await row.getByLabel("Promoted Pupil 的身份", { exact: true }).selectOption("instructor");
    await change.click();
    const dialog = page.getByRole("dialog", { name: "要修改 Promoted Pupil 的身份吗？" });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    // Cancel changes nothing.
    await dialog.getByRole("button", { name: "取消" }).click();
    expect((await student.json("POST", "/api/classes", { name: "Not yet" })).status).toBe(403);
    await change.click();
    await dialog.getByRole("button", { name: "修改身份" }).click();
    await expect.poll(() => dialog.isVisible(), { timeout: 15_000 }).toBe(false);
    // The student's existing session has the new role at once.
    await expect
      .poll(async () => (await student.json("POST", "/api/classes", { name: "Now mine" })).status, { timeout: 10_000 })
      .toBe(201);
    expect(await row.getByLabel("Promoted Pupil 的身份", { exact: true }).inputValue()).toBe("instructor");
  }, 120_000);

  it("are the only ones who see /admin/users", async () => {
    const teacher = await newUser(server.url, "instructor", "Ordinary Teacher");
    const page = await pageAs(teacher);
    const response = await page.goto(`${server.url}/admin/users`);
    expect(response?.status()).toBe(404);
    expect(await page.getByRole("link", { name: "Users" }).count()).toBe(0);
  }, 60_000);
});

describe("sign out everywhere", () => {
  it("asks first, then ends this browser's session and the other one's", async () => {
    const user = await newUser(server.url, "student", "Careful Student");
    const laptop = await pageAs(user);
    const phone = await pageAs(user, { width: 390 });
    await phone.goto(`${server.url}/dashboard`);
    expect(phone.url()).toContain("/dashboard");
    await laptop.goto(`${server.url}/dashboard`);
    await laptop.getByRole("link", { name: "Account" }).click();
    await laptop.waitForURL(/\/account$/);
    await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
    const dialog = laptop.getByRole("dialog", { name: "Sign out on every device?" });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole("button", { name: "Sign out everywhere" }).click();
    await laptop.waitForURL(/\/sign-in/, { timeout: 20_000 });
    await phone.goto(`${server.url}/dashboard`);
    expect(phone.url()).toContain("/sign-in");
  }, 120_000);
});
