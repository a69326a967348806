/**
 * The first-class journey in a real browser (Debian's chromium through playwright-core, never a
 * downloaded browser) against the production build: an instructor creates a class, a student
 * joins with the code, the roster shows the student, and the UI switches to Chinese.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import { launchChromium } from "@/scripts/launch-chromium";
import { REPO_ROOT } from "@/scripts/production-build";
import { startTestServer, type TestServer } from "@/tests/helpers/server";

// Each test file gets a fresh database, so fixed (screenshot-friendly) emails are unique.
let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(): Promise<Page> {
  // One context per person: separate cookie jars, like two laptops. Playwright gives the browser
  // a fresh temporary --user-data-dir.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
  contexts.push(context);
  return context.newPage();
}

async function signUp(
  page: Page,
  input: { name: string; email: string; role: "instructor" | "student" },
  startPath = "/sign-up",
) {
  await page.goto(`${server.url}${startPath}`);
  await page.getByLabel("Your name").fill(input.name);
  await page.getByLabel("Email").fill(input.email);
  await page.getByLabel("Password").fill("password 123");
  await page.getByLabel(input.role === "instructor" ? /an instructor/ : /a student/).check();
  await page.getByRole("button", { name: "Create account" }).click();
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe("a class from creation to roster", () => {
  it("instructor creates a class, a student joins with its code, the roster shows them, 中文 works", async () => {
    const teacher = await newPage();
    await signUp(teacher, { name: "Grace Hopper", email: "grace@example.edu", role: "instructor" });
    await teacher.waitForURL(`${server.url}/dashboard`);
    await teacher.getByLabel("Class name").fill("Async Python — Period 3");
    await teacher.getByRole("button", { name: "Create class" }).click();
    await teacher.waitForURL(/\/classes\/[^/]+$/);
    const joinCode = (await teacher.getByTestId("join-code").textContent())?.trim() ?? "";
    expect(joinCode).toMatch(/^[A-Z0-9-]{4,16}$/);
    await expect.poll(() => teacher.getByText("No students yet.").isVisible()).toBe(true);

    const student = await newPage();
    await signUp(student, { name: "Alan Turing", email: "alan@example.edu", role: "student" });
    await student.waitForURL(`${server.url}/dashboard`);
    await student.getByLabel("Join code").fill(joinCode.toLowerCase());
    await student.getByRole("button", { name: "Join class" }).click();
    await expect
      .poll(() => student.getByRole("link", { name: /Async Python — Period 3/ }).isVisible(), { timeout: 10_000 })
      .toBe(true);

    // The instructor's page refreshes itself over socket.io (roster:changed), no reload needed.
    await expect
      .poll(() => teacher.getByRole("cell", { name: "Alan Turing", exact: true }).isVisible(), { timeout: 10_000 })
      .toBe(true);
    // The README's screenshot: written when missing or on request, so `npm test` leaves git clean.
    const screenshot = path.join(REPO_ROOT, "docs/screenshot.png");
    if (!fs.existsSync(screenshot) || process.env.UPDATE_SCREENSHOT === "1")
      await teacher.screenshot({ path: screenshot, fullPage: true });

    await teacher.getByRole("button", { name: "中文" }).click();
    await expect
      .poll(() => teacher.getByRole("heading", { name: /学生名单/ }).isVisible(), { timeout: 10_000 })
      .toBe(true);
    expect(await teacher.getByRole("button", { name: "生成新加入码" }).isVisible()).toBe(true);
    expect(await teacher.locator("html").getAttribute("lang")).toBe("zh-CN");
  });

  it("a join link sends a signed-out student through sign-up and into the class", async () => {
    const teacher = await newPage();
    await signUp(teacher, { name: "Barbara Liskov", email: "barbara@example.edu", role: "instructor" });
    await teacher.waitForURL(`${server.url}/dashboard`);
    await teacher.getByLabel("Class name").fill("Coroutines Lab");
    await teacher.getByRole("button", { name: "Create class" }).click();
    await teacher.waitForURL(/\/classes\/[^/]+$/);
    const joinCode = (await teacher.getByTestId("join-code").textContent())?.trim() ?? "";

    const student = await newPage();
    await student.goto(`${server.url}/join/${joinCode}`);
    await student.waitForURL(/\/sign-in\?callbackUrl=/);
    await student.getByRole("link", { name: "Create account" }).last().click();
    await student.waitForURL(/\/sign-up\?callbackUrl=/);
    // Arriving from a join link pre-selects "student".
    expect(await student.getByLabel(/a student/).isChecked()).toBe(true);
    await signUp(
      student,
      { name: "Edsger Dijkstra", email: "edsger@example.edu", role: "student" },
      new URL(student.url()).pathname + new URL(student.url()).search,
    );
    await expect
      .poll(() => student.getByText("You joined Coroutines Lab.").isVisible(), { timeout: 15_000 })
      .toBe(true);
  });
});
