/**
 * Two app nodes (production servers with REALTIME_URL, one PostgreSQL database, one Redis) beside a
 * fan-out node: both hear every verdict from the grading channel, but only the holder of the live
 * emitter lease sends what it causes — a student on the fan-out node gets each verdict and each
 * board change once, not once per app node. When the holder shuts down, the other takes over.
 */
import { createServer, type Server } from "node:http";
import { randomBytes } from "node:crypto";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LeaderboardUpdatePayload } from "@/lib/realtime/events";
import type { RealtimeServer } from "@/lib/realtime/create-realtime-server";
import { startFanoutNode } from "@/lib/realtime/start-fanout-node";
import { freePort } from "@/scripts/production-build";
import type { HttpSession } from "@/tests/helpers/http-session";
import { RIGHT, classWithExercise, connected, newUser, nextEvent, type ClientSocket } from "@/tests/helpers/live";
import { createTestDatabase } from "@/tests/helpers/db";
import { TEST_REDIS_URL, redisAvailable, uniquePrefix } from "@/tests/helpers/redis";
import { startTestServer, type TestServer } from "@/tests/helpers/server";

const redisUp = await redisAvailable();
const open: ClientSocket[] = [];
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!redisUp && process.env.CI !== "true")("two app nodes with a fan-out node", () => {
  const secret = randomBytes(32).toString("base64url");
  let webOnly: TestServer;
  let grader: TestServer;
  let fanoutHttp: Server;
  let fanout: RealtimeServer;
  let fanoutUrl: string;
  let database: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    const key = uniquePrefix("two-apps");
    const port = await freePort();
    fanoutUrl = `http://127.0.0.1:${port}`;
    fanoutHttp = createServer();
    fanout = await startFanoutNode(fanoutHttp, { secret, redisUrl: TEST_REDIS_URL, redisKey: key, allowedOrigins: [] });
    await new Promise<void>((resolve) => fanoutHttp.listen(port, "127.0.0.1", resolve));
    const env = {
      REDIS_URL: TEST_REDIS_URL,
      NEXTAUTH_SECRET: secret,
      REALTIME_URL: fanoutUrl,
      REALTIME_REDIS_KEY: key,
    };
    // One database for both nodes, dropped at the end (not by whichever node stops first).
    database = await createTestDatabase("postgres");
    // Started first, so it takes the lease; it grades nothing (the other node does).
    webOnly = await startTestServer({ databaseUrl: database.url, env: { ...env, GRADING_WORKER: "off" } });
    grader = await startTestServer({ databaseUrl: database.url, env });
  }, 180_000);

  afterAll(async () => {
    for (const socket of open) socket.disconnect();
    await fanout?.close();
    await new Promise((resolve) => fanoutHttp?.close(resolve));
    await grader?.stop();
    await webOnly?.stop();
    await database?.drop();
  });

  async function onFanout(session: HttpSession, classId: string): Promise<ClientSocket> {
    const ticket = async (query: string) =>
      (await session.json<{ ticket: string }>("GET", `/api/realtime/ticket${query}`)).body.ticket;
    const socket: ClientSocket = connect(fanoutUrl, {
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
      auth: { ticket: await ticket("") },
    });
    open.push(socket);
    await connected(socket);
    const room = await ticket(`?classId=${classId}`);
    const joined = await new Promise<{ ok: boolean }>((resolve) =>
      socket.emit("class:join-room", { classId, ticket: room }, resolve),
    );
    expect(joined.ok).toBe(true);
    return socket;
  }

  it("sends each verdict and board change once, and hands the emitting over when its node stops", async () => {
    const teacher = await newUser(grader.url, "instructor", "Ines");
    const { classId, joinCode, exerciseId, points } = await classWithExercise(teacher, "Two apps");
    const [kai, mia] = await Promise.all(["Kai", "Mia"].map((name) => newUser(grader.url, "student", name)));
    for (const student of [kai, mia])
      expect((await student.json("POST", "/api/classes/join", { code: joinCode })).status).toBe(201);
    const kaiSocket = await onFanout(kai, classId);
    const miaSocket = await onFanout(mia, classId);
    const updates: LeaderboardUpdatePayload[] = [];
    miaSocket.on("leaderboard:update", (payload) => updates.push(payload));
    let kaiVerdicts = 0;
    kaiSocket.on("submission:graded", () => (kaiVerdicts += 1));

    const kaiScored = nextEvent(
      miaSocket,
      "leaderboard:update",
      (p) => p.entries.some((e) => e.name === "Kai" && e.score === points),
      60_000,
    );
    const submitted = await kai.json("POST", `/api/exercises/${exerciseId}/submissions`, { code: RIGHT });
    expect(submitted.status).toBe(202);
    await kaiScored;
    // Long enough for a second node's copy (coalescing: 250 ms) to arrive, were there one.
    await pause(1_500);
    expect(kaiVerdicts).toBe(1);
    // A second emitter would send the row with Kai's new score twice (other rows may come apart).
    expect(updates.filter((u) => u.entries.some((e) => e.name === "Kai" && e.score === points))).toHaveLength(1);

    // The lease holder shuts down (SIGTERM: it releases the lease); the grader node takes over.
    await webOnly.stop();
    let miaVerdicts = 0;
    miaSocket.on("submission:graded", () => (miaVerdicts += 1));
    const miaScored = nextEvent(
      miaSocket,
      "leaderboard:update",
      (p) => p.entries.some((e) => e.name === "Mia" && e.score === points),
      60_000,
    );
    // The new holder knows nothing of what the clients hold: its first update may carry every
    // row, but it comes once.
    const again = await mia.onNode(grader.url).json("POST", `/api/exercises/${exerciseId}/submissions`, {
      code: RIGHT,
    });
    expect(again.status).toBe(202);
    await miaScored;
    await pause(1_500);
    expect(updates.filter((u) => u.entries.some((e) => e.name === "Mia" && e.score === points))).toHaveLength(1);
    expect(miaVerdicts).toBe(1);
    expect(kaiVerdicts).toBe(1);
  }, 180_000);
});
