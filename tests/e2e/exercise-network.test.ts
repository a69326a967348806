/**
 * A crawler exercise written from scratch in the browser, with a virtual network: the instructor's
 * bad network.json is listed inline (path + message), the example fills it, recording shows the
 * network waits ("GET a.example/") on the timeline, and after publishing a student passes.
 * SHOTS_DIR=dir also saves screenshots of the editor (en, zh, 390 px) and the student's pass.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startBrowserWorld, type BrowserWorld } from "@/tests/helpers/browser-world";
import { classWithStudent } from "@/tests/helpers/class-setup";
import type { TestServer } from "@/tests/helpers/server";

const PASSWORD = "password 123";
const SHOTS_DIR = process.env.SHOTS_DIR;
const SOLUTION = `import asyncio
import aiohttp


async def fetch(session, path):
    async with session.get("http://a.example" + path) as response:
        return await response.text()


async def main():
    async with aiohttp.ClientSession() as session:
        pages = await asyncio.gather(fetch(session, "/"), fetch(session, "/api/items"))
    print(pages)


asyncio.run(main())
`;

let world: BrowserWorld;
let server: TestServer;
let classId: string;

const signIn = (email: string, locale = "en-US", width = 1280): Promise<Page> => world.signIn(email, { locale, width });

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS_DIR) return;
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage: true });
  // The sections this test is about, readable at full size.
  for (const id of ["editor-network-title", "editor-spec-title", "try-title"]) {
    const section = page.locator(`section[aria-labelledby="${id}"]`);
    if ((await section.count()) > 0)
      await section.screenshot({ path: path.join(SHOTS_DIR, `${name}-${id.replace(/-title$/, "")}.png`) });
  }
}

beforeAll(async () => {
  world = await startBrowserWorld({ password: PASSWORD, env: { SANDBOX_UID_BASE: "63840" } });
  server = world.server;
  ({ classId } = await classWithStudent(server.url, {
    password: PASSWORD,
    teacher: { email: "ada@example.edu", name: "Ada" },
    className: "Crawlers",
    student: { email: "kai@example.edu", name: "Kai" },
  }));
}, 600_000);

afterAll(() => world?.close());

it("an instructor gives a new crawler exercise a network, records and publishes it; a student passes", async () => {
  const author = await signIn("ada@example.edu");
  await author.goto(`${server.url}/classes/${classId}/exercises/new`);
  await author.locator("#exercise-title-en").fill("Two pages at once");
  await author.locator("#exercise-prompt-en").fill("Download `http://a.example/` and `/api/items` concurrently.");
  await author.locator("#exercise-solution").fill(SOLUTION);

  // A typo and a negative latency: both listed under the field, and nothing is created.
  const network = author.locator("#exercise-network");
  await network.fill('{ "hosts": { "a.example": { "latancy": 1, "routes": { "GET /": { "latency": -1 } } } } }');
  const errors = author.locator("#exercise-network-errors");
  await expect.poll(() => errors.textContent()).toContain('hosts.a.example: unknown key(s) "latancy"');
  expect(await errors.textContent()).toContain("hosts.a.example.routes.GET /.latency: must be 0 or more seconds");
  expect(await network.getAttribute("aria-invalid")).toBe("true");
  await shot(author, "network-errors");
  await author.getByRole("button", { name: "Create draft" }).click();
  await expect.poll(() => author.getByRole("alert").filter({ hasText: "network.json" }).count()).toBeGreaterThan(0);
  expect(author.url()).toMatch(/\/exercises\/new$/);

  // The example (issue 15's sample: a.example with latency 1) by keyboard.
  await author.getByRole("button", { name: "Fill in an example" }).focus();
  await author.keyboard.press("Enter");
  await expect.poll(() => errors.count()).toBe(0);
  expect(JSON.parse(await network.inputValue()).hosts["a.example"].latency).toBe(1);
  await author.getByRole("button", { name: "Create draft" }).click();
  await author.waitForURL(/\/exercises\/(?!new)[^/]+$/);
  const exerciseId = author.url().split("/").pop() ?? "";
  expect(JSON.parse(await network.inputValue()).hosts["b.example"].concurrency).toBe(2);

  await author.getByRole("button", { name: /Record from the solution/ }).click();
  await expect
    .poll(() => author.locator("#exercise-spec").inputValue(), { timeout: 60_000 })
    .toContain("<html>a</html>");
  // Both requests run at once: printed at t=1, each a network wait span on the timeline.
  expect(await author.getByTestId("run-timeline").locator("tbody td").first().textContent()).toBe("1s");
  const waits = author.locator("svg title", { hasText: /GET a\.example\// });
  await expect
    .poll(() => waits.allTextContents(), { timeout: 30_000 })
    .toEqual(
      expect.arrayContaining([
        expect.stringContaining("GET a.example/"),
        expect.stringContaining("GET a.example/api/items"),
      ]),
    );
  await shot(author, "editor-en");
  await author.getByRole("button", { name: "Publish" }).click();
  await expect.poll(() => author.getByTestId("exercise-status").textContent()).toMatch(/^Published/);

  if (SHOTS_DIR) {
    const zh = await signIn("ada@example.edu", "zh-CN");
    await zh.goto(`${server.url}/classes/${classId}/exercises/${exerciseId}`);
    await zh.locator("#exercise-network").waitFor();
    await shot(zh, "editor-zh");
    const narrow = await signIn("ada@example.edu", "en-US", 390);
    await narrow.goto(`${server.url}/classes/${classId}/exercises/${exerciseId}`);
    await narrow.locator("#exercise-network").waitFor();
    await shot(narrow, "editor-390");
  }

  const student = await signIn("kai@example.edu");
  await student.goto(`${server.url}/exercises/${exerciseId}`);
  expect(await student.content()).not.toContain("latency");
  await student.getByTestId("python-editor-loading").waitFor({ state: "detached", timeout: 30_000 });
  await student.getByLabel("Your code").fill(SOLUTION);
  await student.getByRole("button", { name: "Submit" }).click();
  await expect.poll(() => student.getByTestId("result-state").textContent(), { timeout: 60_000 }).toMatch(/Passed/);
  await shot(student, "student-passed");
}, 240_000);

it("lists a bad network.json's problems in Chinese on a Chinese page", async () => {
  const zh = await signIn("ada@example.edu", "zh-CN");
  await zh.goto(`${server.url}/classes/${classId}/exercises/new`);
  await zh
    .locator("#exercise-network")
    .fill('{ "hosts": { "a.example": { "latancy": 1, "routes": { "GET /": { "latency": -1 } } } } }');
  const errors = zh.locator("#exercise-network-errors");
  await expect.poll(() => errors.textContent()).toContain('hosts.a.example: 未知的键："latancy"');
  expect(await errors.textContent()).toContain("hosts.a.example.routes.GET /.latency: 必须大于或等于 0 秒");
  expect(await errors.textContent()).not.toContain("must be");
  await shot(zh, "network-errors-zh");
}, 120_000);
