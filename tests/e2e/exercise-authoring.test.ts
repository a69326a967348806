/**
 * The instructor's half, in a real browser against the production build: an instructor writes an
 * exercise from scratch (title, Markdown prompt, solution in the shared editor), records its
 * expected trace in the sandbox and publishes it; a student passes it; the class dashboard, open
 * in another browser context, shows the student's submission arrive without a reload.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startBrowserWorld, type BrowserWorld } from "@/tests/helpers/browser-world";
import { classWithStudent } from "@/tests/helpers/class-setup";
import type { HttpSession } from "@/tests/helpers/http-session";
import type { TestServer } from "@/tests/helpers/server";
import { TWO_WORKERS_SHORT as SOLUTION } from "@/tests/helpers/two-workers";

const PASSWORD = "password 123";

let world: BrowserWorld;
let server: TestServer;
let classId: string;
let teacher: HttpSession;

const signIn = (email: string): Promise<Page> => world.signIn(email);

beforeAll(async () => {
  world = await startBrowserWorld({ password: PASSWORD });
  server = world.server;
  ({ classId, teacher } = await classWithStudent(server.url, {
    password: PASSWORD,
    teacher: { email: "grace@example.edu", name: "Grace Hopper" },
    className: "Async Lab",
    student: { email: "lin@example.edu", name: "Lin Student" },
  }));
}, 600_000);

afterAll(() => world?.close());

it("an instructor writes and publishes an exercise; a student passes it; the dashboard shows it live", async () => {
  const author = await signIn("grace@example.edu");
  await author.goto(`${server.url}/classes/${classId}`);
  await author.getByRole("link", { name: "New exercise" }).click();
  await author.waitForURL(/\/exercises\/new$/);
  await author.locator("#exercise-title-en").fill("Two workers at once");
  await author
    .locator("#exercise-prompt-en")
    .fill("Run **both** workers with `asyncio.gather`.\n\n<img src=x onerror=alert(1)>");
  // The live preview renders the Markdown and drops the raw HTML.
  const preview = author.getByRole("region", { name: "Preview of Prompt (English, Markdown)" });
  await expect.poll(() => preview.locator("strong").textContent()).toBe("both");
  expect(await preview.locator("img").count()).toBe(0);
  await author.locator("#exercise-solution").fill(SOLUTION);
  await author.getByRole("button", { name: "Create draft" }).click();
  await author.waitForURL(/\/exercises\/(?!new)[^/]+$/);
  const exerciseId = author.url().split("/").pop() ?? "";

  await author.getByRole("button", { name: /Record from the solution/ }).click();
  await expect
    .poll(() => author.locator("#exercise-spec").inputValue(), { timeout: 60_000 })
    .toMatch(/fast done[\s\S]*slow done/);
  expect(await author.getByTestId("run-timeline").getByRole("row").count()).toBe(3);
  await author.getByRole("button", { name: "Publish" }).click();
  await expect.poll(() => author.getByTestId("exercise-status").textContent()).toMatch(/^Published/);

  const dashboard = await signIn("grace@example.edu");
  await dashboard.goto(`${server.url}/classes/${classId}/dashboard`);
  await expect
    .poll(() => dashboard.getByText("No submissions yet. They appear here as students submit.").isVisible())
    .toBe(true);

  const student = await signIn("lin@example.edu");
  await student.goto(`${server.url}/exercises/${exerciseId}`);
  // The shared editor loads lazily: type into CodeMirror, not its placeholder.
  await student.getByTestId("python-editor-loading").waitFor({ state: "detached", timeout: 30_000 });
  await student.getByLabel("Your code").fill(SOLUTION);
  await student.getByRole("button", { name: "Submit" }).click();
  await expect.poll(() => student.getByTestId("result-state").textContent(), { timeout: 60_000 }).toMatch(/Passed/);

  // No reload: the row arrives over the socket, then the figures follow.
  const row = dashboard.getByTestId("live-feed").getByRole("row", { name: /Lin Student.*Two workers at once.*Passed/ });
  await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
  await expect
    .poll(() => dashboard.getByTestId("exercise-panel").getByText("100%").count(), { timeout: 15_000 })
    .toBe(1);
  await dashboard.screenshot({ path: "/tmp/interleave-class-dashboard.png", fullPage: true });
}, 240_000);

it("in Chinese, publishing before the trace is recorded says exactly that", async () => {
  const draft = await teacher.json<{ exercise: { id: string } }>("POST", `/api/classes/${classId}/exercises`, {
    kind: "write-code",
    title: { en: "No trace yet" },
    prompt: { en: "Record me first." },
    solution: SOLUTION,
  });
  expect(draft.status).toBe(201);
  const page = await world.signIn("grace@example.edu", { locale: "zh-CN" });
  await page.goto(`${server.url}/classes/${classId}`);
  const publish = page.getByRole("button", { name: "发布: No trace yet" });
  const alert = page.getByRole("alert").filter({ hasText: "预期轨迹" });
  // Click again while no message shows: a click before hydration does nothing (publishing fails anyway).
  const shown = async () => {
    if ((await alert.count()) === 0) await publish.click();
    return (await alert.count()) === 0 ? null : alert.textContent();
  };
  // The specific reason, not the generic conflict text ("当前状态下无法执行此操作…").
  await expect
    .poll(shown, { timeout: 30_000, interval: 500 })
    .toBe("请先录制预期轨迹再发布：没有预期轨迹，任何提交都无法通过。");
}, 120_000);
