/**
 * The exercise editor's schedules and CPU-stretch fields, in a real browser against the production
 * build: a library exercise imported without a schedules count (stored 0, "automatic") opens with
 * "Automatic (default)" chosen and saves unchanged; the CPU-stretch threshold is checked inline,
 * saved, and still there after a reload; a try-run that holds the event loop shows the run's note.
 * The editor passes axe in English and Chinese and is usable from the keyboard.
 * SHOTS_DIR=dir saves screenshots (en, zh, 390 px).
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { SPIN, classWithAutomaticExercise } from "@/tests/helpers/automatic-exercise";
import { seriousViolations } from "@/tests/helpers/browser";
import { startBrowserWorld, type BrowserWorld } from "@/tests/helpers/browser-world";
import { HttpSession } from "@/tests/helpers/http-session";

const PASSWORD = "password 123";
const EMAIL = "barbara@example.edu";
const SHOTS_DIR = process.env.SHOTS_DIR;

let world: BrowserWorld;
let editorUrl: string;

async function open(locale = "en-US", width = 1280): Promise<Page> {
  const page = await world.signIn(EMAIL, { locale, width });
  await page.goto(editorUrl);
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS_DIR) return;
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage: true });
  await page
    .locator('section[aria-labelledby="editor-fields-title"]')
    .screenshot({ path: path.join(SHOTS_DIR, `${name}-fields.png`) });
}

beforeAll(async () => {
  world = await startBrowserWorld({ password: PASSWORD });
  const { url } = world.server;
  const teacher = new HttpSession(url);
  await teacher.signUpAndSignIn({ email: EMAIL, password: PASSWORD, name: "Barbara", role: "instructor" });
  const { classId, exerciseId } = await classWithAutomaticExercise(teacher, "Futures");
  // SPIN holds the loop for 0.5 s: twice the 250 ms threshold the test sets.
  editorUrl = `${url}/classes/${classId}/exercises/${exerciseId}`;
}, 600_000);

afterAll(() => world?.close());

it("an imported library exercise saves unchanged, keeps automatic schedules and a CPU-stretch threshold", async () => {
  const page = await open();
  const auto = page.getByRole("radio", { name: /Automatic \(default\)/ });
  await auto.waitFor();
  expect(await auto.isChecked()).toBe(true);
  // Automatic needs no number: nothing the browser's validation could refuse.
  expect(await page.locator("#exercise-schedules").count()).toBe(0);
  expect(await seriousViolations(page)).toEqual([]);
  await shot(page, "editor-en");

  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect.poll(() => page.getByRole("status").filter({ hasText: "Saved." }).count()).toBe(1);

  // Keyboard: arrows move between the two options; the count appears only for a fixed number.
  await auto.focus();
  await page.keyboard.press("ArrowDown");
  expect(await page.getByRole("radio", { name: /fixed number of schedules/ }).isChecked()).toBe(true);
  await expect.poll(() => page.locator("#exercise-schedules").isVisible()).toBe(true);
  await page.keyboard.press("ArrowUp");
  expect(await auto.isChecked()).toBe(true);

  const stretch = page.getByLabel("CPU stretch threshold (ms)");
  await stretch.fill("5");
  await expect.poll(() => page.getByText("Must be 10 to 60000 ms").isVisible()).toBe(true);
  expect(await stretch.getAttribute("aria-invalid")).toBe("true");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect
    .poll(() => page.getByRole("alert").filter({ hasText: "The CPU stretch threshold is not valid" }).count())
    .toBe(1);

  await stretch.fill("250");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect.poll(() => page.getByRole("status").filter({ hasText: "Saved." }).count()).toBe(1);
  await page.reload();
  await page.getByLabel("CPU stretch threshold (ms)").waitFor();
  expect(await page.getByLabel("CPU stretch threshold (ms)").inputValue()).toBe("250");
  expect(await page.getByRole("radio", { name: /Automatic \(default\)/ }).isChecked()).toBe(true);
  expect(await page.locator("#exercise-limits").inputValue()).not.toContain("cpuStretchMs");

  // The try-run shows the run's notes: here the CPU stretch over the exercise's threshold.
  await page.getByTestId("python-editor-loading").first().waitFor({ state: "detached", timeout: 30_000 });
  await page.locator("#try-code").fill(SPIN);
  await page.getByRole("button", { name: "Check against the spec" }).click();
  const notes = page.getByTestId("run-notes");
  await expect.poll(() => notes.isVisible(), { timeout: 60_000 }).toBe(true);
  expect(await notes.textContent()).toMatch(/CPU stretch of 0\.\d\d s at line \d+ held the event loop/);
  await shot(page, "editor-en-tried");
}, 240_000);

it("the editor reads in Chinese, passes axe there and at 390 px", async () => {
  const page = await open("zh-CN");
  const auto = page.getByRole("radio", { name: /自动（默认）/ });
  await auto.waitFor();
  expect(await auto.isChecked()).toBe(true);
  expect(await page.getByLabel("CPU 长时占用阈值（毫秒）").inputValue()).toBe("250");
  expect(await page.getByText("由程序的选择点决定").count()).toBe(1);
  expect(await seriousViolations(page)).toEqual([]);
  await shot(page, "editor-zh");

  const narrow = await open("en-US", 390);
  await narrow.getByRole("radio", { name: /Automatic \(default\)/ }).waitFor();
  expect(await seriousViolations(narrow)).toEqual([]);
  await shot(narrow, "editor-390");
}, 120_000);
