/**
 * The projector in a real browser: the leaderboard open in the instructor's context updates, with
 * no reload, when a student in another context passes; the round panel follows a round live.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import { launchChromium } from "@/scripts/launch-chromium";
import type { HttpSession } from "@/tests/helpers/http-session";
import { RIGHT, classWithExercise, newUser } from "@/tests/helpers/live";
import { startTestServer, type TestServer } from "@/tests/helpers/server";

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

/** A browser context signed in as `session` (its cookies copied: two laptops, two jars). */
async function pageAs(session: HttpSession, viewport = { width: 1600, height: 1000 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: "en-US" });
  contexts.push(context);
  const cookies = session
    .cookieHeader()
    .split("; ")
    .map((pair) => {
      const index = pair.indexOf("=");
      return { name: pair.slice(0, index), value: pair.slice(index + 1), url: server.url };
    });
  await context.addCookies(cookies);
  return context.newPage();
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe("the projector leaderboard", () => {
  it("updates live when a student in another browser passes, and shows a round", async () => {
    const teacher = await newUser(server.url, "instructor", "Grace");
    const { classId, joinCode } = await classWithExercise(teacher, "Period 3");
    const sessions = await Promise.all(
      ["Alan Turing", "Ada Lovelace"].map((name) => newUser(server.url, "student", name)),
    );
    for (const session of sessions)
      expect((await session.json("POST", "/api/classes/join", { code: joinCode })).status).toBe(201);

    const projector = await pageAs(teacher);
    await projector.goto(`${server.url}/classes/${classId}/leaderboard`);
    await expect
      .poll(() => projector.getByRole("status").filter({ hasText: "Live" }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    const alanRow = projector.getByTestId("leaderboard-row").filter({ hasText: "Alan Turing" });
    // Nobody has points yet: nobody is ranked (the board shows "—").
    expect(await alanRow.getAttribute("data-rank")).toBe("");

    // The student starts a round-free answer in their own browser.
    const student = await pageAs(sessions[0], { width: 390, height: 844 });
    await student.goto(`${server.url}/classes/${classId}`);
    await student.getByRole("link", { name: "Predict the output: two awaits in a row" }).click();
    await student.waitForURL(/\/exercises\/[^/]+$/);
    await expect.poll(() => student.getByTestId("python-editor-loading").count(), { timeout: 15_000 }).toBe(0);
    // The exercise has a line bank, so ordering is the default: this student types instead.
    await student.getByRole("radio", { name: "Type them" }).check();
    await student.getByRole("textbox", { name: /Your prediction/ }).fill(RIGHT);
    await student.getByRole("button", { name: "Submit" }).click();

    // No reload on the projector: Alan moves ahead of Ada.
    await expect.poll(() => alanRow.textContent(), { timeout: 30_000 }).toMatch(/Alan Turing\s*1\s*5/);
    expect(
      await projector.getByTestId("leaderboard-row").filter({ hasText: "Ada Lovelace" }).getAttribute("data-rank"),
    ).toBe("");
    await projector.screenshot({ path: "/tmp/interleave-projector.png", fullPage: true });

    // A round started from the projector's controls reaches the student's page live.
    await projector.getByLabel("Duration").selectOption("60");
    await projector.getByRole("button", { name: "Start round" }).click();
    await expect
      .poll(() => projector.getByTestId("round-panel").getAttribute("data-status"), { timeout: 15_000 })
      .toBe("running");
    await expect.poll(() => student.getByTestId("round-banner").isVisible(), { timeout: 15_000 }).toBe(true);
    await student.getByRole("button", { name: "Submit" }).click();
    await expect.poll(() => projector.getByTestId("answer-count").textContent(), { timeout: 30_000 }).toBe("1");
    await projector.getByRole("button", { name: "End now" }).click();
    await expect.poll(() => projector.getByTestId("podium").isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await projector.getByTestId("podium").textContent()).toContain("Alan Turing");
    await projector.screenshot({ path: "/tmp/interleave-projector-round.png", fullPage: true });
    await student.screenshot({ path: "/tmp/interleave-student-round.png", fullPage: true });
  }, 120_000);
});
