/**
 * A student solves a library exercise in a real browser (Debian's chromium through playwright-core)
 * against the production build: the class page lists the imported library, the exercise page shows
 * the prompt and the starter code, Submit queues the reference solution, and "Passed" appears
 * without a reload (socket `submission:graded`, polling as the fallback). The instructor's class
 * page shows the status controls.
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

const SLUG = "05-create-task-concurrency";
const PASSWORD = "password 123";

let world: BrowserWorld;
let server: TestServer;
let classId: string;

const signIn = (email: string): Promise<Page> => world.signIn(email);

/** Replaces the CodeMirror editor's text the way a user pastes (no auto-indent on the way). */
async function typeCode(page: Page, code: string): Promise<void> {
  await page.locator("#exercise-editor").click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
}

const exerciseFile = (name: string) => readFileSync(path.join(REPO_ROOT, "content/exercises", SLUG, name), "utf8");

beforeAll(async () => {
  world = await startBrowserWorld({ password: PASSWORD });
  server = world.server;
  // Set-up through the API: the browser part is the student's journey.
  ({ classId } = await classWithStudent(server.url, {
    password: PASSWORD,
    teacher: { email: "ada@example.edu", name: "Ada Lovelace" },
    className: "Coroutines 101",
    student: { email: "kim@example.edu", name: "Kim Student" },
    prepare: async (teacher, id) => {
      const imported = await teacher.json<{ created: number }>("POST", `/api/classes/${id}/exercises/import`, {
        publish: true,
      });
      expect(imported.body.created).toBeGreaterThanOrEqual(12);
    },
  }));
}, 600_000);

afterAll(() => world?.close());

describe("solving an exercise", () => {
  it("a student submits the reference solution and sees Passed appear live", async () => {
    const page = await signIn("kim@example.edu");
    await page.goto(`${server.url}/classes/${classId}`);
    await expect.poll(() => page.getByRole("heading", { name: /Exercises/ }).isVisible()).toBe(true);
    expect(await page.getByText("Not tried yet").count()).toBeGreaterThanOrEqual(12);
    await page.getByRole("link", { name: "Sequential await vs. create_task" }).click();
    await page.waitForURL(/\/exercises\/[^/]+$/);
    expect(await page.getByRole("heading", { name: "Sequential await vs. create_task", level: 1 }).isVisible()).toBe(
      true,
    );

    // The CodeMirror editor loads after the first paint, with the starter code.
    const editor = page.getByRole("textbox", { name: "Your code" });
    await editor.waitFor();
    expect(await editor.textContent()).toContain("r1 = await func('任务1')");
    expect(await seriousViolations(page)).toEqual([]);

    // Run (Ctrl+Enter) the solution: not graded, and the timeline has one lane per task.
    await typeCode(page, exerciseFile("solution.py"));
    await page.keyboard.press("Control+Enter");
    const state = page.getByTestId("result-state");
    await expect.poll(() => state.textContent(), { timeout: 60_000 }).toMatch(/Passed/);
    expect(await page.locator("#result-title").textContent()).toContain("Run (not graded)");
    const timeline = page.getByRole("img", { name: "Timeline of the run" });
    await timeline.waitFor();
    expect(
      await timeline.locator("[data-lane]").evaluateAll((lanes) => lanes.map((lane) => lane.getAttribute("data-lane"))),
    ).toEqual(["main", "Task-1", "Task-2", "Task-3"]);
    expect(await timeline.locator("[data-mark]").count()).toBe(7);

    // A runaway program explains itself with its virtual time and its CPU time.
    await typeCode(page, "while True:\n    pass\n");
    await page.keyboard.press("Control+Enter");
    const runaway = page.getByTestId("runaway");
    await runaway.waitFor({ timeout: 60_000 });
    // The CPU limit, or on a busy machine the wall-clock one first: either way both figures.
    expect(await runaway.textContent()).toMatch(/^Stopped after .*0 virtual seconds \/ \d{3,} ms of CPU/);

    // Submit a wrong solution, then the right one; the history lists both and opens either.
    await typeCode(page, exerciseFile("starter.py"));
    await page.getByRole("button", { name: "Submit" }).click();
    await page.locator("#result-title", { hasText: "Attempt 1" }).waitFor();
    await expect.poll(() => state.textContent(), { timeout: 60_000 }).toMatch(/Not yet/);
    expect(await page.getByRole("img", { name: "Expected timeline" }).locator("[data-divergence]").count()).toBe(1);
    expect(
      await page
        .getByRole("img", { name: "Expected timeline" })
        .locator("[data-mark] circle[stroke='#b91c1c']")
        .count(),
    ).toBe(1);
    expect(await timeline.locator("[data-divergence]").count()).toBe(1);
    await typeCode(page, exerciseFile("solution.py"));
    await page.getByRole("button", { name: "Submit" }).click();
    await page.locator("#result-title", { hasText: "Attempt 2" }).waitFor();
    await expect.poll(() => state.textContent(), { timeout: 60_000 }).toMatch(/Passed/);
    expect(await page.getByText("Score 100/100").isVisible()).toBe(true);
    expect(await page.getByTestId("trace-table").getByRole("row").count()).toBeGreaterThan(5);
    const history = page.getByTestId("history-row");
    await expect.poll(() => history.count(), { timeout: 10_000 }).toBe(2);
    await history.nth(1).getByRole("button", { name: /Open/ }).click();
    await page.locator("#result-title", { hasText: "Attempt 1" }).waitFor();
    expect(await state.textContent()).toMatch(/Not yet/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: "/tmp/interleave-exercise-page.png", fullPage: true });

    // A phone: nothing makes the page scroll sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole("img", { name: "Timeline of the run" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });

    // The same page in Chinese: the prompt and the controls switch language.
    await page.getByRole("button", { name: "中文" }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: "顺序 await 与 create_task 并发", level: 1 }).isVisible(), {
        timeout: 10_000,
      })
      .toBe(true);
    expect(await page.getByRole("button", { name: /^提交/ }).isVisible()).toBe(true);
    // A wrong submission is explained in Chinese too: the starter awaits the tasks one after another.
    await page.getByRole("textbox", { name: "你的代码" }).waitFor();
    await typeCode(page, exerciseFile("starter.py"));
    await page.getByRole("button", { name: /^提交/ }).click();
    await page.locator("#result-title", { hasText: "3" }).waitFor();
    await expect.poll(() => page.getByTestId("result-state").textContent(), { timeout: 60_000 }).toMatch(/未通过/);
    expect(await page.getByTestId("result-panel").textContent()).toContain(
      "你的任务很可能是一个接一个顺序执行的，而不是并发执行",
    );
    expect(await page.getByRole("img", { name: "运行时间线" }).isVisible()).toBe(true);
    await page.getByRole("button", { name: "English" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Submit" }).isVisible(), { timeout: 10_000 }).toBe(true);

    // Back on the class page the best score is there.
    await page.goto(`${server.url}/classes/${classId}`);
    await expect.poll(() => page.getByText(/Passed · Best: 100\/100/).isVisible(), { timeout: 10_000 }).toBe(true);
  }, 300_000);

  it("a predict-output exercise shows the program read-only and explains a wrong prediction", async () => {
    const page = await signIn("kim@example.edu");
    await page.goto(`${server.url}/classes/${classId}`);
    await page.getByRole("link", { name: "Predict the output: two awaits in a row" }).click();
    await page.waitForURL(/\/exercises\/[^/]+$/);
    expect(await page.getByTestId("program").textContent()).toContain("await");
    expect(await page.getByRole("button", { name: "Run" }).count()).toBe(0);
    const wrong = ["main", "test", "任务执行完成", "main结束", "main2", "test", "任务执行完成", "main结束2"];
    // The exercise has a line bank (ordering is the default); "任务执行完成" is not in it: type.
    await page.getByRole("radio", { name: "Type them" }).check();
    await page.getByRole("textbox", { name: /Your prediction/ }).waitFor();
    // The editor starts with the bank's lines in their shown order: replace them.
    await typeCode(page, wrong.join("\n"));
    await page.getByRole("button", { name: "Submit" }).click();
    await expect.poll(() => page.getByTestId("result-state").textContent(), { timeout: 60_000 }).toMatch(/Not yet/);
    expect(
      await page
        .getByText("Line 3: you predicted “任务执行完成” but the program prints “任务执行完成 None” there.")
        .isVisible(),
    ).toBe(true);
    // The author foresaw this wrong prediction: its explanation is shown.
    expect(await page.getByTestId("prediction-mistake").textContent()).toContain("returns None, and print shows it");
    // Once answered, the real run: side by side with the prediction, and on the timeline.
    const comparison = page.getByTestId("prediction-comparison");
    await comparison.waitFor();
    expect(await comparison.locator("tbody tr[data-match='false']").count()).toBe(2);
    await page.getByRole("img", { name: "Timeline of the run" }).waitFor();
    await page.screenshot({ path: "/tmp/interleave-predict-page.png", fullPage: true });
  });

  it("the instructor sees statuses and can close an exercise", async () => {
    const page = await signIn("ada@example.edu");
    await page.goto(`${server.url}/classes/${classId}`);
    await expect
      .poll(() => page.getByRole("button", { name: "Import the built-in library" }).isVisible(), { timeout: 10_000 })
      .toBe(true);
    expect(await page.getByText("Published", { exact: true }).count()).toBeGreaterThanOrEqual(12);
    await page.getByRole("button", { name: "Close: Greenlet ping-pong" }).click();
    await expect.poll(() => page.getByText("Closed", { exact: true }).count(), { timeout: 10_000 }).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: "/tmp/interleave-class-exercises.png", fullPage: true });
  });
});
