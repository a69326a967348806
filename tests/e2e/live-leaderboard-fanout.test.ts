/**
 * The projector in a real browser with the sockets on a fan-out node (REALTIME_URL): the page gets
 * tickets from the app, opens its socket on the fan-out node's own origin, and the leaderboard and
 * a round still update live from events the app node sends through Redis.
 */
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import type { RealtimeServer } from "@/lib/realtime/create-realtime-server";
import { startFanoutNode } from "@/lib/realtime/start-fanout-node";
import { launchChromium } from "@/scripts/launch-chromium";
import { freePort } from "@/scripts/production-build";
import type { HttpSession } from "@/tests/helpers/http-session";
import { RIGHT, classWithExercise, newUser } from "@/tests/helpers/live";
import { TEST_REDIS_URL, redisAvailable, uniquePrefix } from "@/tests/helpers/redis";
import { startTestServer, type TestServer } from "@/tests/helpers/server";

const redisUp = await redisAvailable();
let server: TestServer;
let fanoutHttp: Server;
let fanout: RealtimeServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const secret = "e2e-fanout-secret-0123456789abcdef";

async function pageAs(session: HttpSession, viewport = { width: 1400, height: 900 }): Promise<Page> {
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

describe.skipIf(!redisUp && process.env.CI !== "true")("the projector leaderboard through a fan-out node", () => {
  const fanoutSockets: string[] = [];

  beforeAll(async () => {
    const key = uniquePrefix("fanout-e2e");
    const port = await freePort();
    server = await startTestServer({
      env: {
        REDIS_URL: TEST_REDIS_URL,
        NEXTAUTH_SECRET: secret,
        REALTIME_URL: `http://127.0.0.1:${port}`,
        REALTIME_REDIS_KEY: key,
      },
    });
    fanoutHttp = createServer();
    fanoutHttp.on("upgrade", (request) => fanoutSockets.push(request.url ?? ""));
    fanout = await startFanoutNode(fanoutHttp, {
      secret,
      redisUrl: TEST_REDIS_URL,
      redisKey: key,
      allowedOrigins: [new URL(server.url).origin],
    });
    await new Promise<void>((resolve) => fanoutHttp.listen(port, "127.0.0.1", resolve));
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await fanout?.close();
    await new Promise((resolve) => fanoutHttp?.close(resolve));
    await server?.stop();
  });

  it("updates live when a student in another browser passes, and shows a round", async () => {
    const teacher = await newUser(server.url, "instructor", "Grace");
    const { classId, joinCode } = await classWithExercise(teacher, "Period 4");
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
    // The projector's socket is on the fan-out node, not on the app's port.
    expect(fanoutSockets.length).toBeGreaterThan(0);
    const alanRow = projector.getByTestId("leaderboard-row").filter({ hasText: "Alan Turing" });
    expect(await alanRow.getAttribute("data-rank")).toBe("");

    const student = await pageAs(sessions[0], { width: 390, height: 844 });
    await student.goto(`${server.url}/classes/${classId}`);
    await student.getByRole("link", { name: "Predict the output: two awaits in a row" }).click();
    await student.waitForURL(/\/exercises\/[^/]+$/);
    await expect.poll(() => student.getByTestId("python-editor-loading").count(), { timeout: 15_000 }).toBe(0);
    await student.getByRole("radio", { name: "Type them" }).check();
    await student.getByRole("textbox", { name: /Your prediction/ }).fill(RIGHT);
    await student.getByRole("button", { name: "Submit" }).click();

    await expect.poll(() => alanRow.textContent(), { timeout: 30_000 }).toMatch(/Alan Turing\s*1\s*5/);

    await projector.getByLabel("Duration").selectOption("60");
    await projector.getByRole("button", { name: "Start round" }).click();
    await expect.poll(() => student.getByTestId("round-banner").isVisible(), { timeout: 15_000 }).toBe(true);
  }, 120_000);
});
