/**
 * Two app nodes over Redis (and one PostgreSQL database): a verdict graded on node A reaches a
 * client connected to node B — its own `submission:graded` and the class's `leaderboard:update` —
 * exactly once, and a round started through B is announced to A's sockets.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LeaderboardUpdatePayload } from "@/lib/realtime/events";
import {
  RIGHT,
  classWithExercise,
  connected,
  joinRoom,
  liveSocket,
  newUser,
  nextEvent,
  type ClientSocket,
} from "@/tests/helpers/live";
import { TEST_REDIS_URL, redisAvailable } from "@/tests/helpers/redis";
import { startTestServer, type TestServer } from "@/tests/helpers/server";

const redisUp = await redisAvailable();
const sockets: ClientSocket[] = [];

describe.skipIf(!redisUp && process.env.CI !== "true")("two app nodes over Redis", () => {
  let grader: TestServer;
  let webOnly: TestServer;

  beforeAll(async () => {
    const secret = randomBytes(32).toString("base64url");
    grader = await startTestServer({
      provider: "postgres",
      env: { REDIS_URL: TEST_REDIS_URL, NEXTAUTH_SECRET: secret },
    });
    webOnly = await startTestServer({
      databaseUrl: grader.databaseUrl,
      env: { REDIS_URL: TEST_REDIS_URL, NEXTAUTH_SECRET: secret, GRADING_WORKER: "off" },
    });
  }, 180_000);

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await webOnly?.stop();
    await grader?.stop();
  });

  it("delivers a verdict graded on one node to a client of the other, once", async () => {
    const teacher = await newUser(grader.url, "instructor", "Nora");
    const { classId, joinCode, exerciseId, points } = await classWithExercise(teacher, "Two nodes");
    const student = await newUser(grader.url, "student", "Kai");
    expect((await student.json("POST", "/api/classes/join", { code: joinCode })).status).toBe(201);
    // The same session, talking to the web-only node (it enqueues; only the other node grades).
    const studentOnB = student.onNode(webOnly.url);
    const teacherOnA = liveSocket(grader.url, teacher);
    const studentSocketOnB = liveSocket(webOnly.url, student);
    sockets.push(teacherOnA, studentSocketOnB);
    await Promise.all([connected(teacherOnA), connected(studentSocketOnB)]);
    expect(await joinRoom(teacherOnA, classId)).toMatchObject({ ok: true });
    expect(await joinRoom(studentSocketOnB, classId)).toMatchObject({ ok: true });
    const updatesOnB: LeaderboardUpdatePayload[] = [];
    studentSocketOnB.on("leaderboard:update", (payload) => updatesOnB.push(payload));
    let verdictsOnB = 0;
    studentSocketOnB.on("submission:graded", () => (verdictsOnB += 1));

    const ownVerdict = nextEvent(studentSocketOnB, "submission:graded", undefined, 60_000);
    const boardOnA = nextEvent(
      teacherOnA,
      "leaderboard:update",
      (p) => p.entries.some((e) => e.name === "Kai" && e.score === points),
      60_000,
    );
    const submitted = await studentOnB.json<{ id: string }>("POST", `/api/exercises/${exerciseId}/submissions`, {
      code: RIGHT,
    });
    expect(submitted.status).toBe(202);
    expect(await ownVerdict).toMatchObject({ submissionId: submitted.body.id, status: "passed" });
    await boardOnA;
    await expect
      .poll(() => updatesOnB.some((u) => u.entries.some((e) => e.name === "Kai" && e.score === points)), {
        timeout: 10_000,
      })
      .toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(verdictsOnB).toBe(1);
    expect(updatesOnB).toHaveLength(1);
    expect(grader.output()).not.toMatch(/live update failed/);

    const startedOnA = nextEvent(teacherOnA, "round:started");
    const teacherOnB = teacher.onNode(webOnly.url);
    expect(
      (await teacherOnB.json("POST", `/api/classes/${classId}/rounds`, { exerciseId, durationSeconds: 30 })).status,
    ).toBe(201);
    expect(await startedOnA).toMatchObject({ classId, exerciseId });
  }, 120_000);
});
