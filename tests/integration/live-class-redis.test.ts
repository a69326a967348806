/**
 * Two app nodes over Redis (and one PostgreSQL database): a verdict graded on node A reaches a
 * client connected to node B — its own `submission:graded` and the class's `leaderboard:update` —
 * exactly once, a round started through B is announced to A's sockets, and an instructor's review
 * decision taken on B moves the board and the dashboard on A.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findExerciseWithCurrentVersion } from "@/lib/db/exercises";
import { disconnectDb, useDatabaseUrl } from "@/lib/db/get-db";
import { claimSubmission, insertQueuedSubmission } from "@/lib/db/submissions";
import { storeVerdict } from "@/lib/grading/store-verdict";
import type { LeaderboardView } from "@/lib/leaderboard/leaderboard.types";
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
    await useDatabaseUrl(null);
    await disconnectDb();
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

  it("publishes a review decision taken on one node to the boards and dashboards of the other", async () => {
    const teacher = await newUser(grader.url, "instructor", "Rosa");
    const { classId, joinCode, exerciseId, points } = await classWithExercise(teacher, "Reviewed on B");
    const student = await newUser(grader.url, "student", "Lea");
    expect((await student.json("POST", "/api/classes/join", { code: joinCode })).status).toBe(201);
    const board = await teacher.json<LeaderboardView>("GET", `/api/classes/${classId}/leaderboard`);
    const lea = board.body.entries.find((entry) => entry.name === "Lea");
    if (!lea) throw new Error(`Lea is not on the board: ${JSON.stringify(board.body)}`);
    const heldId = await holdForReview(grader.databaseUrl, { classId, exerciseId, userId: lea.userId });

    const teacherOnA = liveSocket(grader.url, teacher);
    sockets.push(teacherOnA);
    await connected(teacherOnA);
    expect(await joinRoom(teacherOnA, classId)).toMatchObject({ ok: true });
    const dashboardOnA = nextEvent(teacherOnA, "submission:graded", (p) => p.submissionId === heldId, 20_000);
    const boardOnA = nextEvent(
      teacherOnA,
      "leaderboard:update",
      (p) => p.entries.some((e) => e.userId === lea.userId && e.score === points),
      20_000,
    );
    const reviewed = await teacher
      .onNode(webOnly.url)
      .json("POST", `/api/submissions/${heldId}/review`, { decision: "accept" });
    expect(reviewed.status).toBe(200);
    expect(await dashboardOnA).toMatchObject({ submissionId: heldId, userId: lea.userId, status: "passed" });
    await boardOnA;
  }, 120_000);
});

/** A passing submission the sandbox held for review (tampering), stored straight in the shared database. */
async function holdForReview(
  databaseUrl: string,
  key: { classId: string; exerciseId: string; userId: string },
): Promise<string> {
  await useDatabaseUrl(databaseUrl);
  const exercise = await findExerciseWithCurrentVersion(key.exerciseId);
  if (!exercise) throw new Error("exercise missing");
  const row = await insertQueuedSubmission({ ...key, exerciseVersionId: exercise.version.id, code: RIGHT });
  const claim = await claimSubmission(row.id, new Date(0));
  if (!claim) throw new Error("could not claim");
  const verdict = {
    kind: "program" as const,
    passed: true,
    score: 100,
    checkpoints: { met: 3, total: 3 },
    firstDivergence: null,
    diff: [],
    failingSeed: null,
    schedules: 1,
    explored: 1,
    complete: true,
    strategy: "single" as const,
    outcomes: [{ seed: 0, passed: true, score: 100 }],
  };
  const fields = {
    status: "needs_review" as const,
    passed: false,
    score: 0,
    verdict,
    trace: null,
    firstDivergence: null,
    failingSeed: null,
    tamperReason: "gc reaches the harness",
    runMs: 5,
  };
  if (!(await storeVerdict(row.id, claim.claimAttempt, fields, key))) throw new Error("could not hold");
  return row.id;
}
