/**
 * The projector in a real browser with the sockets on a fan-out node (REALTIME_URL): the page gets
 * tickets from the app, opens its socket on the fan-out node's own origin, and the leaderboard and
 * a round still update live from events the app node sends through Redis.
 */
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RealtimeServer } from "@/lib/realtime/create-realtime-server";
import { startFanoutNode } from "@/lib/realtime/start-fanout-node";
import { freePort } from "@/scripts/production-build";
import { startBrowserWorld, type BrowserWorld } from "@/tests/helpers/browser-world";
import { openProjector, studentPasses } from "@/tests/helpers/projector";
import { TEST_REDIS_URL, redisAvailable, uniquePrefix } from "@/tests/helpers/redis";

const redisUp = await redisAvailable();
let world: BrowserWorld;
let fanoutHttp: Server;
let fanout: RealtimeServer;
const secret = "e2e-fanout-secret-0123456789abcdef";

describe.skipIf(!redisUp && process.env.CI !== "true")("the projector leaderboard through a fan-out node", () => {
  const fanoutSockets: string[] = [];

  beforeAll(async () => {
    const key = uniquePrefix("fanout-e2e");
    const port = await freePort();
    world = await startBrowserWorld({
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
      allowedOrigins: [new URL(world.server.url).origin],
    });
    await new Promise<void>((resolve) => fanoutHttp.listen(port, "127.0.0.1", resolve));
  }, 120_000);

  afterAll(async () => {
    await fanout?.close();
    await new Promise((resolve) => fanoutHttp?.close(resolve));
    await world?.close();
  });

  it("updates live when a student in another browser passes, and shows a round", async () => {
    const {
      classId,
      students,
      page: projector,
      alanRow,
    } = await openProjector(world, "Period 4", {
      width: 1400,
      height: 900,
    });
    // The projector's socket is on the fan-out node, not on the app's port.
    expect(fanoutSockets.length).toBeGreaterThan(0);
    expect(await alanRow.getAttribute("data-rank")).toBe("");

    const student = await studentPasses(world, students[0], classId);

    await expect.poll(() => alanRow.textContent(), { timeout: 30_000 }).toMatch(/Alan Turing\s*1\s*5/);

    await projector.getByLabel("Duration").selectOption("60");
    await projector.getByRole("button", { name: "Start round" }).click();
    await expect.poll(() => student.getByTestId("round-banner").isVisible(), { timeout: 15_000 }).toBe(true);
  }, 120_000);
});
