/**
 * The fan-out topology through real processes and real Redis: the app node (production server with
 * REALTIME_URL) signs tickets and emits class events through the socket.io Redis adapter; a fan-out
 * node (no database) holds the students' sockets. Events reach its clients, coalesced; outsiders,
 * forged or expired tickets and removed members get nothing.
 */
import { createServer, type Server } from "node:http";
import { randomBytes } from "node:crypto";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LeaderboardUpdatePayload } from "@/lib/realtime/events";
import type { RealtimeServer } from "@/lib/realtime/create-realtime-server";
import { signRealtimeTicket } from "@/lib/realtime/realtime-ticket";
import { startFanoutNode } from "@/lib/realtime/start-fanout-node";
import { freePort } from "@/scripts/production-build";
import type { HttpSession } from "@/tests/helpers/http-session";
import { RIGHT, classWithExercise, connected, newUser, nextEvent, type ClientSocket } from "@/tests/helpers/live";
import { TEST_REDIS_URL, redisAvailable, uniquePrefix } from "@/tests/helpers/redis";
import { startTestServer, type TestServer } from "@/tests/helpers/server";

const redisUp = await redisAvailable();
const open: ClientSocket[] = [];

describe.skipIf(!redisUp && process.env.CI !== "true")("fan-out node over Redis", () => {
  const secret = randomBytes(32).toString("base64url");
  let app: TestServer;
  let fanoutHttp: Server;
  let fanout: RealtimeServer;
  let fanoutUrl: string;
  let teacher: HttpSession;
  let students: HttpSession[];
  let outsider: HttpSession;
  let classId: string;
  let exerciseId: string;
  let points: number;

  async function ticket(session: HttpSession, forClass?: string) {
    return session.json<{ ticket: string; staff: boolean }>(
      "GET",
      `/api/realtime/ticket${forClass ? `?classId=${forClass}` : ""}`,
    );
  }

  function socketWith(auth: Record<string, unknown>): ClientSocket {
    const socket: ClientSocket = connect(fanoutUrl, {
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
      auth,
    });
    open.push(socket);
    return socket;
  }

  async function onFanout(session: HttpSession): Promise<ClientSocket> {
    const socket = socketWith({ ticket: (await ticket(session)).body.ticket });
    await connected(socket);
    return socket;
  }

  function join(socket: ClientSocket, ticketValue?: string) {
    return new Promise<{ ok: boolean; data?: { staff?: boolean }; error?: { code: string } }>((resolve) =>
      socket.emit("class:join-room", { classId, ticket: ticketValue }, resolve),
    );
  }

  beforeAll(async () => {
    const key = uniquePrefix("fanout");
    const port = await freePort();
    fanoutUrl = `http://127.0.0.1:${port}`;
    fanoutHttp = createServer();
    fanout = await startFanoutNode(fanoutHttp, { secret, redisUrl: TEST_REDIS_URL, redisKey: key, allowedOrigins: [] });
    await new Promise<void>((resolve) => fanoutHttp.listen(port, "127.0.0.1", resolve));
    app = await startTestServer({
      env: {
        REDIS_URL: TEST_REDIS_URL,
        NEXTAUTH_SECRET: secret,
        REALTIME_URL: fanoutUrl,
        REALTIME_REDIS_KEY: key,
        SUBMIT_RATE_LIMIT: "100",
      },
    });
    teacher = await newUser(app.url, "instructor", "Fay");
    const created = await classWithExercise(teacher, "Fan-out 101");
    ({ classId, exerciseId, points } = created);
    students = await Promise.all(["Ada", "Bo", "Cy"].map((name) => newUser(app.url, "student", name)));
    for (const student of students)
      expect((await student.json("POST", "/api/classes/join", { code: created.joinCode })).status).toBe(201);
    outsider = await newUser(app.url, "student", "Oz");
  }, 180_000);

  afterAll(async () => {
    for (const socket of open) socket.disconnect();
    await fanout?.close();
    await new Promise((resolve) => fanoutHttp?.close(resolve));
    await app?.stop();
  });

  it("delivers the app's leaderboard updates and verdicts to the fan-out node's clients, coalesced", async () => {
    const student = await onFanout(students[0]);
    const staff = await onFanout(teacher);
    expect(await join(student, (await ticket(students[0], classId)).body.ticket)).toMatchObject({
      ok: true,
      data: { staff: false },
    });
    expect(await join(staff, (await ticket(teacher, classId)).body.ticket)).toMatchObject({
      ok: true,
      data: { staff: true },
    });
    const updates: { at: number; payload: LeaderboardUpdatePayload }[] = [];
    student.on("leaderboard:update", (payload) => updates.push({ at: Date.now(), payload }));
    const own = nextEvent(student, "submission:graded", undefined, 60_000);
    const dashboard = nextEvent(staff, "submission:graded", undefined, 60_000);
    const board = nextEvent(
      student,
      "leaderboard:update",
      (p) => p.entries.some((e) => e.name === "Bo" && e.score === points),
      60_000,
    );
    // A burst: three students pass at once.
    const burstAt = Date.now();
    for (const session of students)
      expect((await session.json("POST", `/api/exercises/${exerciseId}/submissions`, { code: RIGHT })).status).toBe(
        202,
      );
    expect((await own).status).toBe("passed");
    expect((await dashboard).classId).toBe(classId);
    await board;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const scored = new Set(
      updates.flatMap((u) => u.payload.entries.filter((e) => e.score === points).map((e) => e.name)),
    );
    expect([...scored].sort()).toEqual(["Ada", "Bo", "Cy"]);
    // At most 4 per second per class, as the in-process test counts it (live-class.test.ts).
    const elapsedMs = updates[updates.length - 1].at - burstAt;
    expect(updates.length).toBeLessThanOrEqual(Math.ceil(elapsedMs / 250) + 1);
  });

  it("refuses outsiders, forged, expired and other users' tickets", async () => {
    expect((await ticket(outsider, classId)).status).toBe(404);
    const memberTicket = (await ticket(students[1], classId)).body.ticket;
    const socket = await onFanout(outsider);
    expect(await join(socket)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await join(socket, memberTicket)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const outsiderId = (await ticket(outsider)).body.ticket;
    expect(outsiderId).toMatch(/^rt1\./);
    const [, body] = outsiderId.split(".");
    const { userId } = JSON.parse(Buffer.from(body, "base64url").toString()) as { userId: string };
    const forged = signRealtimeTicket({ secret: "not-the-app-secret-0123456789", userId, classId, staff: true });
    expect(await join(socket, forged)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const expired = signRealtimeTicket({ secret, userId, classId, staff: false, nowMs: Date.now() - 120_000 });
    expect(await join(socket, expired)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    // The handshake itself: no ticket, a forged one, or a room ticket instead of a connection one.
    for (const auth of [{}, { ticket: forged }, { ticket: memberTicket }]) {
      const refused = socketWith(auth);
      await expect(connected(refused)).rejects.toThrow(/UNAUTHENTICATED/);
    }
  });

  it("takes a removed student out of the room and refuses their unexpired ticket", async () => {
    const roster = await teacher.json<{ students: { id: string; name: string }[] }>(
      "GET",
      `/api/classes/${classId}/roster`,
    );
    const removedId = roster.body.students.find((s) => s.name === "Cy")?.id ?? "";
    const oldTicket = (await ticket(students[2], classId)).body.ticket;
    const removed = await onFanout(students[2]);
    const stays = await onFanout(students[1]);
    expect(await join(removed, oldTicket)).toMatchObject({ ok: true });
    expect(await join(stays, (await ticket(students[1], classId)).body.ticket)).toMatchObject({ ok: true });
    const roster$ = nextEvent(stays, "roster:changed", (p) => p.change === "removed", 30_000);
    expect((await teacher.json("DELETE", `/api/classes/${classId}/students/${removedId}`)).status).toBe(200);
    await roster$;
    let heard = 0;
    removed.on("round:started", () => (heard += 1));
    removed.on("leaderboard:update", () => (heard += 1));
    // The next class event (a round starts): the room still hears it, the removed socket not.
    const started = nextEvent(stays, "round:started", undefined, 30_000);
    const round = await teacher.json("POST", `/api/classes/${classId}/rounds`, { exerciseId, durationSeconds: 60 });
    expect(round.status).toBe(201);
    await started;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heard).toBe(0);
    expect(await join(removed, oldTicket)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect((await ticket(students[2], classId)).status).toBe(404);
  });
});
