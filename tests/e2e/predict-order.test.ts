/**
 * Predict-the-output with a line bank, in a real browser against the production build: the student
 * orders the printed lines with the keyboard (English) and by dragging with the mouse (Chinese),
 * submits, and then sees the program's real run next to the prediction and on the timeline. Axe
 * finds no serious or critical violation on the page in either state.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { seriousViolations } from "@/tests/helpers/browser";
import { startBrowserWorld, type BrowserWorld } from "@/tests/helpers/browser-world";
import { classWithStudent } from "@/tests/helpers/class-setup";
import { REPO_ROOT } from "@/scripts/production-build";
import type { TestServer } from "@/tests/helpers/server";

const PASSWORD = "password 123";
const SHOTS = process.env.E2E_SHOTS_DIR ?? "/tmp";

let world: BrowserWorld;
let server: TestServer;
let classId: string;

const answerLines = (slug: string): string[] =>
  (
    JSON.parse(readFileSync(path.join(REPO_ROOT, "content/exercises", slug, "answer.json"), "utf8")) as {
      lines: string[];
    }
  ).lines;

const signIn = (email: string, locale: "en-US" | "zh-CN"): Promise<Page> => world.signIn(email, { locale });

/** The lines as the orderer shows them now, top to bottom. */
async function shownOrder(page: Page): Promise<string[]> {
  return page
    .getByTestId("order-line")
    .evaluateAll((rows) => rows.map((row) => row.querySelector(".font-mono")?.textContent ?? ""));
}

/** Moves lines until the list reads `target`, one move per position (selection sort). */
async function orderLines(page: Page, target: string[], move: (from: number, to: number) => Promise<void>) {
  for (let i = 0; i < target.length; i += 1) {
    const order = await shownOrder(page);
    const from = order.indexOf(target[i], i);
    if (from === i) continue;
    await move(from, i);
    await expect.poll(() => shownOrder(page).then((now) => now[i])).toBe(target[i]);
  }
  expect(await shownOrder(page)).toEqual(target);
}

/** Submit, then the result panel's state; a failure says what the page and the server said. */
async function submitAndWait(page: Page, button: RegExp): Promise<string> {
  await page.getByRole("button", { name: button }).click();
  const state = page.getByTestId("result-state");
  try {
    await expect
      .poll(() => state.textContent({ timeout: 5_000 }).catch(() => ""), { timeout: 90_000 })
      .toMatch(/Passed|Not yet|通过|未通过/);
  } catch (error) {
    const shown = await page.locator("main").innerText();
    throw new Error(`${String(error)}\npage:\n${shown.slice(-1500)}\nserver:\n${server.output().slice(-2000)}`);
  }
  return (await state.textContent()) ?? "";
}

async function openExercise(page: Page, slug: string): Promise<void> {
  const list = await page.request.get(`${server.url}/api/classes/${classId}/exercises`);
  const { exercises } = (await list.json()) as { exercises: { id: string; slug: string }[] };
  const exercise = exercises.find((e) => e.slug === slug);
  if (!exercise) throw new Error(`${slug} not in the class`);
  await page.goto(`${server.url}/exercises/${exercise.id}`);
  await page.getByTestId("line-orderer").waitFor();
}

beforeAll(async () => {
  world = await startBrowserWorld({ password: PASSWORD });
  server = world.server;
  ({ classId } = await classWithStudent(server.url, {
    password: PASSWORD,
    teacher: { email: "ada@example.edu", name: "Ada" },
    className: "Predictions",
    student: { email: "kim@example.edu", name: "Kim" },
    prepare: async (teacher, id) => {
      await teacher.json("POST", `/api/classes/${id}/exercises/import`, { publish: true });
    },
  }));
}, 600_000);

afterAll(() => world?.close());

describe("ordering a prediction", () => {
  it("orders the lines with the keyboard, passes, and then sees the real run (English)", async () => {
    const page = await signIn("kim@example.edu", "en-US");
    const slug = "15-predict-gather-order";
    const lines = answerLines(slug);
    await openExercise(page, slug);
    const shuffled = await shownOrder(page);
    expect([...shuffled].sort()).toEqual([...lines].sort());
    expect(shuffled).not.toEqual(lines);
    expect(await seriousViolations(page)).toEqual([]);

    const handles = page.getByTestId("order-handle");
    const live = page.locator("[id^='DndLiveRegion']");
    await orderLines(page, lines, async (from, to) => {
      await handles.nth(from).focus();
      await page.keyboard.press("Space");
      await expect.poll(() => live.textContent()).toMatch(/Picked up line/);
      // A person's pace: the sensor moves a line once its drop targets are measured.
      for (let k = from; k > to; k -= 1) {
        await page.waitForTimeout(120);
        await page.keyboard.press("ArrowUp");
      }
      await page.waitForTimeout(120);
      await page.keyboard.press("Space");
      await expect.poll(() => live.textContent()).toContain(`dropped at position ${to + 1} of ${lines.length}`);
    });

    expect(await submitAndWait(page, /^Submit/)).toMatch(/Passed/);
    // The real run, next to the prediction and on the timeline.
    const comparison = page.getByTestId("prediction-comparison");
    await comparison.waitFor();
    expect(await comparison.locator("tbody tr[data-match='true']").count()).toBe(lines.length);
    const timeline = page.getByRole("img", { name: "Timeline of the run" });
    await timeline.waitFor();
    expect(await page.getByText("The program's real run", { exact: true }).isVisible()).toBe(true);
    expect(Number(await timeline.getAttribute("data-lanes"))).toBeGreaterThanOrEqual(4);
    expect(await timeline.locator("[data-mark]").count()).toBe(lines.length);
    // The three gathered jobs fold into the task that gathered them, and unfold again.
    const lanes = Number(await timeline.getAttribute("data-lanes"));
    await page.getByRole("button", { name: "Fold the 3 lanes under Task-1" }).click();
    await expect.poll(() => timeline.getAttribute("data-lanes")).toBe(String(lanes - 3));
    expect(await timeline.locator("[data-mark]").count()).toBe(lines.length);
    await page.getByRole("button", { name: "Unfold the 3 lanes under Task-1" }).click();
    await expect.poll(() => timeline.getAttribute("data-lanes")).toBe(String(lanes));
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, "predict-keyboard-en.png"), fullPage: true });
  }, 180_000);

  it("orders the lines by dragging, is wrong, and sees the mistake and the real run (Chinese)", async () => {
    const page = await signIn("kim@example.edu", "zh-CN");
    const slug = "16-predict-coroutine-object";
    const lines = answerLines(slug);
    // A foreseen wrong prediction: the body of func() runs before the coroutine object exists.
    const wrong = [lines[2], lines[0], lines[1], lines[3]];
    await openExercise(page, slug);
    expect(await page.getByRole("radio", { name: "给这些行排序" }).isChecked()).toBe(true);

    const handles = page.getByTestId("order-handle");
    await orderLines(page, wrong, async (from, to) => {
      // The mouse acts where the list is on screen: bring all of it into view first.
      await page.getByTestId("line-orderer").evaluate((list) => list.scrollIntoView({ block: "center" }));
      const start = await handles.nth(from).boundingBox();
      const end = await handles.nth(to).boundingBox();
      if (!start || !end) throw new Error("handle not laid out");
      await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
      await page.mouse.down();
      await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2 - 6, { steps: 3 });
      // Let React render the drag (dnd-kit measures the drop targets then) before moving on.
      await page.waitForTimeout(150);
      await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2 - 4, { steps: 12 });
      await page.waitForTimeout(150);
      await page.mouse.up();
      // dnd-kit swallows clicks for 50 ms after a drop (so a drop on a link does not follow it):
      // a person's next click comes later than that.
      await page.waitForTimeout(250);
    });

    expect(await submitAndWait(page, /^提交/)).toMatch(/未通过/);
    expect(await page.getByTestId("prediction-mistake").textContent()).toContain("调用协程函数并不会执行函数体");
    const comparison = page.getByTestId("prediction-comparison");
    await comparison.waitFor();
    const real = await comparison.locator("tbody tr td:nth-of-type(2)").allTextContents();
    expect(real.map((text) => text.replace(/[✓✗].*$/, "").trim())).toEqual(lines);
    expect(await comparison.locator("tbody tr[data-match='false']").count()).toBe(3);
    await page.getByRole("img", { name: "运行时间线" }).waitFor();
    expect(await page.getByText("程序的真实运行", { exact: true }).isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, "predict-drag-zh.png"), fullPage: true });

    // Typing stays available and keeps the ordered lines.
    await page.getByRole("radio", { name: "自己输入" }).check();
    await page.locator("#exercise-editor").waitFor();
    expect(await page.locator("#exercise-editor").textContent()).toContain(wrong[0]);

    // A phone: the list and the comparison fit, the page never scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByTestId("prediction-comparison").waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(SHOTS, "predict-390-zh.png"), fullPage: true });
  }, 180_000);
});
