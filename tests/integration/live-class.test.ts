/**
 * The live classroom through the real production server and real socket.io clients: leaderboard
 * room isolation, an update after a verdict, coalescing of a burst, reconnection, and the round
 * lifecycle (server-side close, withheld details, late refusal, another class's student).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { LeaderboardEntry, LeaderboardUpdatePayload } from "@/lib/realtime/events";
import type { LeaderboardView } from "@/lib/leaderboard/leaderboard.types";
import type { ClassRounds, RoundDetail, RoundView } from "@/lib/rounds/round.types";
import type { HttpSession } from "@/tests/helpers/http-session";
import { startTestServer, type TestServer } from "@/tests/helpers/server";
import {
  RIGHT,
  WRONG,
  classWithExercise,
  connected,
  joinRoom,
  liveSocket,
  newUser,
  nextEvent,
  waitForGraded,
  type ClientSocket,
} from "@/tests/helpers/live";

let server: TestServer;
let teacher: HttpSession;
let students: HttpSession[];
let outsider: HttpSession;
let classId: string;
let exerciseId: string;
let points: number;
const open: ClientSocket[] = [];

async function socketIn(session: HttpSession, options: { reconnection?: boolean } = {}): Promise<ClientSocket> {
  const socket = liveSocket(server.url, session, options);
  open.push(socket);
  await connected(socket);
  return socket;
}

async function submit(session: HttpSession, code: string, roundId?: string) {
  return session.json<{ id: string; error?: { code: string; message: string } }>(
    "POST",
    `/api/exercises/${exerciseId}/submissions`,
    roundId ? { code, roundId } : { code },
  );
}

beforeAll(async () => {
  server = await startTestServer({ env: { SUBMIT_RATE_LIMIT: "100" } });
  teacher = await newUser(server.url, "instructor", "Tess");
  ({ classId, exerciseId, points } = await classWithExercise(teacher, "Live 101").then(async (created) => {
    students = await Promise.all(["Ana", "Ben", "Cai"].map((name) => newUser(server.url, "student", name)));
    for (const student of students)
      expect((await student.json("POST", "/api/classes/join", { code: created.joinCode })).status).toBe(201);
    return created;
  }));
  outsider = await newUser(server.url, "student", "Olga");
  await classWithExercise(await newUser(server.url, "instructor", "Other"), "Elsewhere").then(async (other) => {
    expect((await outsider.json("POST", "/api/classes/join", { code: other.joinCode })).status).toBe(201);
  });
}, 120_000);

afterEach(() => {
  while (open.length > 0) open.pop()?.disconnect();
});

afterAll(async () => {
  await server?.stop();
});

describe("the class leaderboard", () => {
  it("is readable by members only, and an outsider can neither read it nor join the room", async () => {
    const board = await students[0].json<LeaderboardView>("GET", `/api/classes/${classId}/leaderboard`);
    expect(board.status).toBe(200);
    expect(board.body.entries.map((entry) => [entry.name, entry.score, entry.rank])).toEqual([
      // Nobody has points yet: nobody is ranked ("—"), not "3rd" for everyone.
      ["Ana", 0, null],
      ["Ben", 0, null],
      ["Cai", 0, null],
    ]);
    expect((await outsider.json("GET", `/api/classes/${classId}/leaderboard`)).status).toBe(404);
    const socket = await socketIn(outsider);
    expect(await joinRoom(socket, classId)).toEqual({
      ok: false,
      error: { code: "NOT_FOUND", message: "Class not found", key: "class.notFound" },
    });
  });

  it("sends the changed rows to the class room after a verdict, and nothing to an outsider", async () => {
    const projector = await socketIn(teacher);
    const classmate = await socketIn(students[1]);
    const stranger = await socketIn(outsider);
    expect(await joinRoom(projector, classId)).toMatchObject({ ok: true, data: { staff: true } });
    expect(await joinRoom(classmate, classId)).toMatchObject({ ok: true, data: { staff: false } });
    await joinRoom(stranger, classId);
    const strangerEvents: unknown[] = [];
    stranger.onAny((event, payload) => strangerEvents.push([event, payload]));
    const classmateVerdicts: unknown[] = [];
    classmate.on("submission:graded", (payload) => classmateVerdicts.push(payload));

    const [onProjector, onClassmate, verdictOnProjector] = [
      nextEvent(projector, "leaderboard:update", (p) => p.entries.some((e) => e.name === "Ana")),
      nextEvent(classmate, "leaderboard:update", (p) => p.entries.some((e) => e.name === "Ana")),
      nextEvent(projector, "submission:graded"),
    ];
    const submitted = await submit(students[0], RIGHT);
    expect(submitted.status).toBe(202);
    const update = await onProjector;
    expect(update.classId).toBe(classId);
    expect(update.entries.find((e) => e.name === "Ana")).toMatchObject({ solved: 1, score: points, rank: 1 });
    // Ben and Cai stay at the shared last place: changed rows only, so Ana's row alone.
    expect(update.entries.map((e) => e.name)).toEqual(["Ana"]);
    expect((await onClassmate).entries).toEqual(update.entries);
    expect(await verdictOnProjector).toMatchObject({ submissionId: submitted.body.id, status: "passed" });
    const snapshot = await teacher.json<LeaderboardView>("GET", `/api/classes/${classId}/leaderboard`);
    expect(snapshot.body.entries[0]).toMatchObject({ name: "Ana", score: points, rank: 1 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // A classmate never receives another student's verdict; a stranger receives nothing at all.
    expect(classmateVerdicts).toEqual([]);
    expect(strangerEvents).toEqual([]);
  });

  it("coalesces a burst of verdicts into a few updates whose merge equals the stored board", async () => {
    const projector = await socketIn(teacher);
    await joinRoom(projector, classId);
    const updates: LeaderboardUpdatePayload[] = [];
    projector.on("leaderboard:update", (payload) => updates.push(payload));
    const started = Date.now();
    const ids = (
      await Promise.all(
        students.flatMap((student, i) =>
          Array.from({ length: 8 }, (_, k) => submit(student, (k + i) % 3 === 0 ? RIGHT : WRONG)),
        ),
      )
    ).map((r) => r.body.id);
    expect(ids).toHaveLength(24);
    for (const [i, id] of ids.entries()) await waitForGraded(students[Math.floor(i / 8)], id);
    await new Promise((resolve) => setTimeout(resolve, 600));
    const elapsedMs = Date.now() - started;
    expect(updates.length).toBeGreaterThan(0);
    // At most 4 per second (plus the immediate first one), and far fewer than the 24 verdicts.
    expect(updates.length).toBeLessThanOrEqual(Math.ceil(elapsedMs / 250) + 1);
    expect(updates.length).toBeLessThan(24);
    const merged = new Map<string, LeaderboardEntry>();
    const snapshot = await teacher.json<LeaderboardView>("GET", `/api/classes/${classId}/leaderboard`);
    for (const entry of snapshot.body.entries) merged.set(entry.userId, entry);
    for (const update of updates) for (const entry of update.entries) expect(merged.get(entry.userId)).toBeDefined();
    expect(snapshot.body.entries.every((entry) => entry.solved === 1 && entry.score === points)).toBe(true);
  });

  it("replays what a briefly disconnected tab missed (connection-state recovery)", async () => {
    const student = students[2];
    await student.json("POST", `/api/classes/${classId}/leaderboard/alias`, { alias: "" });
    const tab = await socketIn(teacher, { reconnection: true });
    await joinRoom(tab, classId);
    // Let the recovery offset be set by one event before dropping the transport.
    const first = nextEvent(tab, "leaderboard:update", (p) => p.entries.some((e) => e.name === "Comet"));
    expect((await student.json("POST", `/api/classes/${classId}/leaderboard/alias`, { alias: "Comet" })).status).toBe(
      200,
    );
    await first;
    tab.io.engine.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const missed = nextEvent(tab, "leaderboard:update", (p) => p.entries.some((e) => e.name === "Rocket"));
    expect((await student.json("POST", `/api/classes/${classId}/leaderboard/alias`, { alias: "Rocket" })).status).toBe(
      200,
    );
    expect((await missed).entries.find((e) => e.name === "Rocket")).toBeDefined();
    expect(tab.recovered).toBe(true);
  });

  it("refuses an alias with control characters and keeps the old one", async () => {
    const bad = await students[2].json<{ error: { code: string } }>(
      "POST",
      `/api/classes/${classId}/leaderboard/alias`,
      { alias: "a\u0007b" },
    );
    expect(bad.status).toBe(400);
    const board = await teacher.json<LeaderboardView>("GET", `/api/classes/${classId}/leaderboard`);
    expect(board.body.entries.map((e) => e.name)).toContain("Rocket");
  });
});

describe("live rounds", () => {
  it("runs a round: started event, pass/fail only while it runs, closed by the server's clock, late answer refused", async () => {
    const student = await socketIn(students[0]);
    await joinRoom(student, classId);
    const startedEvent = nextEvent(student, "round:started");
    const started = await teacher.json<{ round: RoundView }>("POST", `/api/classes/${classId}/rounds`, {
      exerciseId,
      durationSeconds: 10,
    });
    expect(started.status).toBe(201);
    const round = started.body.round;
    expect(round).toMatchObject({ exerciseId, status: "running" });
    expect(new Date(round.endsAt).getTime() - new Date(round.startedAt).getTime()).toBe(10_000);
    expect(await startedEvent).toMatchObject({ classId, roundId: round.id, exerciseId, endsAt: round.endsAt });
    const endedEvent = nextEvent(student, "round:ended", (p) => p.roundId === round.id, 20_000);

    // A second round cannot start while this one runs; a student cannot start one.
    expect(
      (await teacher.json("POST", `/api/classes/${classId}/rounds`, { exerciseId, durationSeconds: 30 })).status,
    ).toBe(409);
    expect(
      (await students[1].json("POST", `/api/classes/${classId}/rounds`, { exerciseId, durationSeconds: 30 })).status,
    ).toBe(403);
    // A student who joins late (after round:started) finds the round in the class's list.
    expect((await students[2].json<ClassRounds>("GET", `/api/classes/${classId}/rounds`)).body.current?.id).toBe(
      round.id,
    );

    const wrong = await submit(students[1], WRONG, round.id);
    const right = await submit(students[0], RIGHT, round.id);
    expect([wrong.status, right.status]).toEqual([202, 202]);
    const withheld = await waitForGraded(students[1], wrong.body.id);
    expect(withheld).toMatchObject({
      status: "failed",
      firstDivergence: null,
      verdict: null,
      withheldUntilRoundEnds: true,
      trace: null,
    });
    // Another class's student cannot answer (the exercise is not theirs).
    expect(
      (await outsider.json("POST", `/api/exercises/${exerciseId}/submissions`, { code: RIGHT, roundId: round.id }))
        .status,
    ).toBe(404);

    const live = await teacher.json<RoundDetail>("GET", `/api/rounds/${round.id}`);
    expect(live.body.stats).toMatchObject({ answered: 2 });
    const ended = await endedEvent;
    expect(new Date(ended.endedAt).getTime()).toBeGreaterThanOrEqual(new Date(round.endsAt).getTime());

    const late = await submit(students[2], RIGHT, round.id);
    expect(late.status).toBe(409);
    expect(late.body.error?.message).toMatch(/round ended/i);
    const review = await students[2].json<RoundDetail>("GET", `/api/rounds/${round.id}`);
    expect(review.body.round.status).toBe("ended");
    expect(review.body.entries.map((e) => e.userId)).toHaveLength(2);
    expect(review.body.entries[0]).toMatchObject({ name: "Ana", rank: 1 });
    expect(review.body.entries[0].points).toBeGreaterThan(500);
    expect(review.body.entries[0].points).toBeLessThanOrEqual(1000);
    expect(review.body.entries[1]).toMatchObject({ points: 0, rank: 2 });
    expect(review.body.stats.commonDivergence).toMatchObject({ count: 1, line: 3 });
    expect(review.body.stats.commonDivergence?.message).toBeTruthy();
    // Once it ended, the answer's details are shown, and the program's real run with them.
    const after = await waitForGraded(students[1], wrong.body.id);
    expect(after.firstDivergence).not.toBeNull();
    const printed = after.trace?.events.filter((e) => e.stream === "stdout").map((e) => e.text);
    expect(printed).toEqual(RIGHT.split("\n"));
  }, 60_000);

  it("ends a round early on the instructor's request; outsiders cannot see or end it", async () => {
    const projector = await socketIn(teacher);
    await joinRoom(projector, classId);
    const started = await teacher.json<{ round: RoundView }>("POST", `/api/classes/${classId}/rounds`, {
      exerciseId,
      durationSeconds: 600,
    });
    const roundId = started.body.round.id;
    expect((await outsider.json("GET", `/api/rounds/${roundId}`)).status).toBe(404);
    expect((await outsider.json("POST", `/api/rounds/${roundId}/end`)).status).toBe(404);
    expect((await students[0].json("POST", `/api/rounds/${roundId}/end`)).status).toBe(403);
    const ended = nextEvent(projector, "round:ended", (p) => p.roundId === roundId);
    const response = await teacher.json<{ round: RoundView }>("POST", `/api/rounds/${roundId}/end`);
    expect(response.body.round.status).toBe("ended");
    await ended;
    expect((await submit(students[0], RIGHT, roundId)).status).toBe(409);
  });

  it("refuses a bad duration and an unknown exercise with clear messages", async () => {
    const short = await teacher.json<{ error: { message: string } }>("POST", `/api/classes/${classId}/rounds`, {
      exerciseId,
      durationSeconds: 3,
    });
    expect(short).toMatchObject({ status: 400, body: { error: { message: "A round lasts at least 10 seconds." } } });
    expect(
      (await teacher.json("POST", `/api/classes/${classId}/rounds`, { exerciseId: "nope", durationSeconds: 30 }))
        .status,
    ).toBe(404);
  });
});
