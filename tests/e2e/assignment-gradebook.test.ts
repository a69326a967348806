/**
 * The assignment journey in a real browser against the production build: the instructor creates
 * an assignment (due two hours ago, 10 % per late day), a student submits late for it, the
 * instructor overrides the cell in the gradebook and downloads the Canvas file; then the instructor
 * edits the assignment (title, due time, points) and both views follow.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { formatInZone } from "@/lib/assignments/time-zone";
import { REPO_ROOT } from "@/scripts/production-build";
import { startBrowserWorld, type BrowserWorld } from "@/tests/helpers/browser-world";
import { classWithStudent } from "@/tests/helpers/class-setup";
import type { TestServer } from "@/tests/helpers/server";

const SLUG = "05-create-task-concurrency";
const TITLE = "Sequential await vs. create_task";
const PASSWORD = "password 123";
const ZONE = "Asia/Shanghai";

let world: BrowserWorld;
let server: TestServer;
let classId: string;
let assignmentUrl: string;

function signedInPage(email: string, options: { width?: number } = {}): Promise<Page> {
  return world.signIn(email, { ...options, context: { timezoneId: ZONE, acceptDownloads: true } });
}

beforeAll(async () => {
  world = await startBrowserWorld({ password: PASSWORD });
  server = world.server;
  ({ classId } = await classWithStudent(server.url, {
    password: PASSWORD,
    teacher: { email: "grace@example.edu", name: "Grace Hopper" },
    className: "协程 101",
    student: { email: "li.lei@example.edu", name: "李雷" },
    prepare: async (teacher, id) => {
      const imported = await teacher.json("POST", `/api/classes/${id}/exercises/import`, {
        slugs: [SLUG, "01-greenlet-ping-pong"],
        publish: true,
      });
      expect(imported.status).toBe(200);
    },
  }));
}, 600_000);

afterAll(() => world?.close());

describe("a graded assignment", () => {
  it("create → late submission → override → Canvas file", async () => {
    // The instructor creates it; the form's zone is the browser's (Asia/Shanghai).
    const teacher = await signedInPage("grace@example.edu");
    await teacher.goto(`${server.url}/classes/${classId}`);
    await teacher.getByRole("link", { name: "New assignment" }).click();
    await teacher.waitForURL(/assignments\/new$/);
    await teacher.getByLabel("Title").fill("Homework 1");
    expect(await teacher.getByLabel("Time zone of the class").inputValue()).toBe(ZONE);
    await teacher
      .getByLabel("Due", { exact: true })
      .fill(formatInZone(new Date(Date.now() - 2 * 3_600_000), ZONE).slice(0, 16));
    await teacher.getByLabel("Accept with a penalty per late day").check();
    await teacher.getByLabel("Penalty per late day (%)").fill("10");
    await teacher.getByLabel("Include Greenlet ping-pong").uncheck();
    await teacher.getByLabel(`Points for ${TITLE}`).fill("20");
    await teacher.getByRole("button", { name: "Create assignment" }).click();
    await teacher.waitForURL(/assignments\/(?!new$)[^/]+$/);
    assignmentUrl = teacher.url();
    await expect
      .poll(() => teacher.getByRole("heading", { name: "Homework 1", level: 1 }).isVisible(), { timeout: 10_000 })
      .toBe(true);
    expect(
      await teacher
        .getByRole("button", { name: /李雷, Sequential await vs\. create_task: 0 of 20 points, Not tried/ })
        .isVisible(),
    ).toBe(true);

    // The student submits for the assignment, after its due time.
    const student = await signedInPage("li.lei@example.edu");
    await student.goto(assignmentUrl);
    await student.getByRole("link", { name: "Work on it" }).click();
    await student.waitForURL(/\?assignment=/);
    expect(await student.getByText(/late work loses 10% per day/).isVisible()).toBe(true);
    // The editor is CodeMirror: replace its text the way a user pastes.
    await student.locator('[data-testid="python-editor"] .cm-content').first().click();
    await student.keyboard.press("Control+A");
    await student.keyboard.insertText(
      readFileSync(path.join(REPO_ROOT, "content/exercises", SLUG, "solution.py"), "utf8"),
    );
    await student.getByRole("button", { name: "Submit" }).click();
    await expect.poll(() => student.getByTestId("result-state").textContent(), { timeout: 60_000 }).toMatch(/Passed/);
    await student.goto(assignmentUrl);
    expect(await student.getByText("1 day late").isVisible()).toBe(true);
    expect(await student.getByText("18 / 20 pts (90%)").isVisible()).toBe(true);
    await student.screenshot({ path: "/tmp/interleave-assignment-student.png", fullPage: true });

    // The instructor sees the late cell, overrides it, and the trail records it.
    await teacher.reload();
    const cell = teacher.getByRole("button", {
      name: /李雷, Sequential await vs\. create_task: 18 of 20 points, Late/,
    });
    await cell.click();
    await teacher.getByLabel("Points (0–20)").fill("19.5");
    await teacher.getByLabel("Reason (kept in the audit trail)").fill("Network outage at the deadline");
    await teacher.getByRole("button", { name: "Save" }).click();
    await expect
      .poll(() => teacher.getByRole("button", { name: /19\.5 of 20 points, Overridden/ }).isVisible(), {
        timeout: 10_000,
      })
      .toBe(true);
    expect(
      await teacher
        .getByText(/Grace Hopper · override · 李雷 · Sequential await vs\. create_task: none → 19\.5/)
        .isVisible(),
    ).toBe(true);
    await teacher.screenshot({ path: "/tmp/interleave-gradebook.png", fullPage: true });

    // The Canvas file downloads with the override in it.
    const [download] = await Promise.all([
      teacher.waitForEvent("download"),
      teacher.getByRole("link", { name: "Canvas" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^协程-101-Homework-1-canvas-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync(await download.path(), "utf8");
    expect(text).toBe(
      "\uFEFFStudent,ID,SIS User ID,SIS Login ID,Section,Homework 1\r\nPoints Possible,,,,,20\r\n李雷,,,li.lei@example.edu,,19.5\r\n",
    );
  });

  it("edit: the form starts from the assignment, and a later due time and new points reach both views", async () => {
    const teacher = await signedInPage("grace@example.edu");
    await teacher.goto(assignmentUrl);
    await teacher.getByRole("link", { name: "Edit", exact: true }).click();
    await teacher.waitForURL(/\/edit$/);
    expect(await teacher.getByLabel("Title").inputValue()).toBe("Homework 1");
    expect(await teacher.getByLabel("Accept with a penalty per late day").isChecked()).toBe(true);
    expect(await teacher.getByLabel("Penalty per late day (%)").inputValue()).toBe("10");
    expect(await teacher.getByLabel("Include Greenlet ping-pong").isChecked()).toBe(false);
    expect(await teacher.getByLabel(`Points for ${TITLE}`).inputValue()).toBe("20");

    await teacher.getByLabel("Title").fill("Homework 1 (revised)");
    await teacher
      .getByLabel("Due", { exact: true })
      .fill(formatInZone(new Date(Date.now() + 24 * 3_600_000), ZONE).slice(0, 16));
    await teacher.getByLabel(`Points for ${TITLE}`).fill("40");
    await teacher.getByRole("button", { name: "Save changes" }).click();
    await teacher.waitForURL(/assignments\/[^/]+$/);
    expect(teacher.url()).toBe(assignmentUrl);
    await expect
      .poll(() => teacher.getByRole("heading", { name: "Homework 1 (revised)", level: 1 }).isVisible(), {
        timeout: 10_000,
      })
      .toBe(true);
    expect(
      await teacher
        .getByRole("button", { name: /李雷, Sequential await vs\. create_task: 19\.5 of 40 points/ })
        .isVisible(),
    ).toBe(true);

    // The student's submission is no longer late under the new due time.
    const student = await signedInPage("li.lei@example.edu");
    await student.goto(assignmentUrl);
    await expect
      .poll(() => student.getByRole("heading", { name: "Homework 1 (revised)", level: 1 }).isVisible(), {
        timeout: 10_000,
      })
      .toBe(true);
    expect(await student.getByText("1 day late").count()).toBe(0);
  });
});
