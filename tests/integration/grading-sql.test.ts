/**
 * The grading hot path's raw SQL (lib/db/submissions-raw.ts, lib/db/request-reads-raw.ts,
 * lib/db/raw-transaction.ts) on SQLite and PostgreSQL: every statement writes what Prisma would
 * have written, so Prisma reads the rows back identically (dates to the millisecond, booleans,
 * floats, JSON, nulls), conflicts behave as before, and a raw transaction is all or nothing
 * within its limits.
 */
import { beforeAll, expect, it } from "vitest";
import { getDb } from "@/lib/db/get-db";
import { loadLeaderboardData } from "@/lib/db/leaderboard";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import { rawTransaction } from "@/lib/db/raw-transaction";
import { findSubmitter } from "@/lib/db/submission-gate";
import { readSessionStatesRaw } from "@/lib/db/users";
import { claimSubmissions, insertQueuedSubmissions } from "@/lib/db/submissions-batch";
import { claimSubmission, storeGradedResult } from "@/lib/db/submissions";
import {
  claimSubmissionsRaw,
  insertSubmissionsRaw,
  storeGradedResultRaw,
  upsertBestScoresRaw,
} from "@/lib/db/submissions-raw";
import { storeVerdicts } from "@/lib/grading/store-verdicts";
import { describeEachProvider, useTestDatabase } from "../helpers/db";
import { createGradingClass, insertLibraryExercise, type GradingClass } from "../helpers/grading";

const EXERCISE = "05-create-task-concurrency";

function fields(score: number, extra: { trace?: object | null; firstDivergence?: object | null } = {}) {
  return {
    status: score === 100 ? ("passed" as const) : ("failed" as const),
    passed: score === 100,
    score,
    verdict: { seeds: [1, 2], note: 'ü "quoted" 中文', nested: { ok: score === 100 } },
    trace: extra.trace === undefined ? { events: [{ t: 0.5, kind: "sleep" }] } : extra.trace,
    firstDivergence: extra.firstDivergence ?? null,
    failingSeed: score === 100 ? null : 7,
    tamperReason: null,
    runMs: 12,
  };
}

describeEachProvider("grading SQL", (provider) => {
  useTestDatabase(provider);
  let klass: GradingClass;
  let exercise: { id: string; version: { id: string } };
  let slug = 0;
  beforeAll(async () => {
    klass = await createGradingClass(4);
  });
  async function freshExercise() {
    slug += 1;
    exercise = await insertLibraryExercise(klass.classId, EXERCISE, { slugSuffix: `-sql${slug}` });
    return exercise;
  }
  const row = (userId: string, attemptNumber: number, extra: { assignmentId?: string | null } = {}) => ({
    exerciseId: exercise.id,
    exerciseVersionId: exercise.version.id,
    userId,
    classId: klass.classId,
    code: "print('héllo')\n",
    attemptNumber,
    ...extra,
  });

  it("inserts rows Prisma reads back as written, with Prisma-shaped ids and dates it can filter on", async () => {
    await freshExercise();
    const before = new Date();
    const [a, b] = await insertSubmissionsRaw([row(klass.studentIds[0], 1), row(klass.studentIds[1], 3)]);
    const read = await getDb().submission.findUniqueOrThrow({ where: { id: a.id } });
    expect(read).toMatchObject({
      userId: klass.studentIds[0],
      code: "print('héllo')\n",
      status: "queued",
      attemptNumber: 1,
      claimAttempt: 0,
      infraRetries: 0,
      passed: null,
      score: null,
      verdict: null,
      assignmentId: null,
      startedAt: null,
    });
    expect(read.queuedAt.getTime()).toBe(a.queuedAt.getTime());
    expect(read.queuedAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1);
    expect(read.updatedAt.getTime()).toBe(read.createdAt.getTime());
    expect(a.id).toMatch(/^c[0-9a-z]{24}$/);
    expect(b.attemptNumber).toBe(3);
    // Prisma's own date filter and ordering see the raw rows (same storage format on SQLite).
    const later = await getDb().submission.findMany({
      where: { exerciseId: exercise.id, queuedAt: { gte: new Date(a.queuedAt.getTime() - 1) } },
      orderBy: { attemptNumber: "asc" },
    });
    expect(later.map((r) => r.id)).toEqual([a.id, b.id]);
    const viaPrisma = await getDb().submission.create({ data: { ...row(klass.studentIds[2], 1), status: "queued" } });
    const newest = await getDb().submission.findMany({
      where: { exerciseId: exercise.id },
      orderBy: { queuedAt: "asc" },
    });
    expect(newest.at(-1)?.id).toBe(viaPrisma.id);
    if (provider === "sqlite") {
      // Stored as the same text as Prisma's own rows (ISO with "+00:00"), not as a number or SQLite's format.
      const stored = await getDb().$queryRawUnsafe<{ id: string; queuedAt: string; updatedAt: string }[]>(
        `SELECT "id", "queuedAt" || '' AS "queuedAt", "updatedAt" || '' AS "updatedAt" FROM "Submission" WHERE "id" IN (?, ?)`,
        a.id,
        viaPrisma.id,
      );
      for (const cell of stored.flatMap((r) => [r.queuedAt, r.updatedAt]))
        expect(cell).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
    }
  });

  it("refuses a clashing attempt number as a unique violation and stores nothing of the batch", async () => {
    await freshExercise();
    await insertQueuedSubmissions([row(klass.studentIds[0], 1)]);
    const error = await insertQueuedSubmissions([row(klass.studentIds[1], 1), row(klass.studentIds[0], 1)]).catch(
      (e: unknown) => e,
    );
    expect(isUniqueViolation(error)).toBe(true);
    expect(await getDb().submission.count({ where: { exerciseId: exercise.id } })).toBe(1);
  });

  it("claims queued rows once, re-claims a stale one with the next claim attempt", async () => {
    await freshExercise();
    const [a, b] = await insertQueuedSubmissions([row(klass.studentIds[0], 1), row(klass.studentIds[1], 1)]);
    const claimed = await claimSubmissions([a.id, b.id, "missing"], new Date(Date.now() - 60_000));
    expect(claimed.map((c) => [c.id, c.status, c.claimAttempt, c.kind]).sort()).toEqual(
      [
        [a.id, "running", 1, "WRITE_CODE"],
        [b.id, "running", 1, "WRITE_CODE"],
      ].sort(),
    );
    expect(claimed[0].version.id).toBe(exercise.version.id);
    expect(await claimSubmissionsRaw([a.id], new Date(Date.now() - 60_000))).toEqual([]);
    const stale = await claimSubmission(a.id, new Date(Date.now() + 60_000));
    expect(stale?.claimAttempt).toBe(2);
    const read = await getDb().submission.findUniqueOrThrow({ where: { id: a.id } });
    expect(read.startedAt?.getTime()).toBe(stale?.startedAt?.getTime());
    expect(read.status).toBe("running");
  });

  it("stores a verdict only under its claim; JSON, floats, booleans and nulls read back through Prisma", async () => {
    await freshExercise();
    const [a] = await insertQueuedSubmissions([row(klass.studentIds[0], 1)]);
    await claimSubmission(a.id, new Date(0));
    expect(await storeGradedResult(a.id, 2, fields(62.5))).toBe(false);
    expect(await storeGradedResult(a.id, 1, fields(62.5, { firstDivergence: { seed: 7, at: 3 } }))).toBe(true);
    expect(await storeGradedResult(a.id, 1, fields(100))).toBe(false); // no longer running
    const read = await getDb().submission.findUniqueOrThrow({ where: { id: a.id } });
    expect(read).toMatchObject({
      status: "failed",
      passed: false,
      score: 62.5,
      verdict: fields(62.5).verdict,
      trace: { events: [{ t: 0.5, kind: "sleep" }] },
      firstDivergence: { seed: 7, at: 3 },
      failingSeed: 7,
      runMs: 12,
      infraError: null,
      tamperReason: null,
    });
    expect(read.gradedAt).toBeInstanceOf(Date);
    expect(read.updatedAt.getTime()).toBe(read.gradedAt?.getTime());
    // A null trace leaves the stored one, as Prisma's `undefined` did.
    await getDb().submission.update({ where: { id: a.id }, data: { status: "running" } });
    expect(await storeGradedResult(a.id, 1, fields(100, { trace: null }))).toBe(true);
    const again = await getDb().submission.findUniqueOrThrow({ where: { id: a.id } });
    expect(again).toMatchObject({ passed: true, score: 100, trace: { events: [{ t: 0.5, kind: "sleep" }] } });
  });

  it("commits verdicts and BestScore in one transaction; the upsert creates, then updates on conflict", async () => {
    await freshExercise();
    const key = { classId: klass.classId, userId: klass.studentIds[3], exerciseId: exercise.id };
    const [first, second] = await insertQueuedSubmissions([row(key.userId, 1), row(key.userId, 2)]);
    await claimSubmissions([first.id, second.id], new Date(0));
    expect(await storeVerdicts([{ id: first.id, claimAttempt: 1, fields: fields(40), key }])).toEqual([true]);
    const created = await getDb().bestScore.findUniqueOrThrow({ where: { classId_userId_exerciseId: key } });
    expect(created).toMatchObject({ bestScore: 40, attempts: 1, bestSubmissionId: first.id, passedAt: null });
    expect(created.id).toMatch(/^c[0-9a-z]{24}$/);
    const stored = await storeVerdicts([
      { id: second.id, claimAttempt: 1, fields: fields(100), key },
      { id: first.id, claimAttempt: 1, fields: fields(100), key }, // already graded: not stored
    ]);
    expect(stored).toEqual([true, false]);
    const updated = await getDb().bestScore.findUniqueOrThrow({ where: { classId_userId_exerciseId: key } });
    const secondRow = await getDb().submission.findUniqueOrThrow({ where: { id: second.id } });
    expect(updated).toMatchObject({ id: created.id, bestScore: 100, attempts: 2, bestSubmissionId: second.id });
    expect(updated.passedAt?.getTime()).toBe(secondRow.gradedAt?.getTime());
    expect(updated.bestAt?.getTime()).toBe(secondRow.gradedAt?.getTime());
    expect(updated.createdAt.getTime()).toBe(created.createdAt.getTime());
    // Only touching updatedAt (the lock) keeps every score field.
    await rawTransaction((tx) => upsertBestScoresRaw([{ key, fields: null }], tx));
    expect(await getDb().bestScore.findUniqueOrThrow({ where: { classId_userId_exerciseId: key } })).toMatchObject({
      bestScore: 100,
      attempts: 2,
    });
  });

  it("rolls a raw transaction back on an error and on its timeout, and refuses its late statements", async () => {
    await freshExercise();
    const [a] = await insertQueuedSubmissions([row(klass.studentIds[0], 1)]);
    await claimSubmission(a.id, new Date(0));
    const boom = await rawTransaction(async (tx) => {
      expect(await storeGradedResultRaw({ id: a.id, claimAttempt: 1, fields: fields(100) }, tx)).toBe(true);
      throw new Error("boom");
    }).catch((e: unknown) => e);
    expect(boom).toEqual(new Error("boom"));
    expect(await getDb().submission.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ status: "running" });
    const key = { classId: klass.classId, userId: klass.studentIds[0], exerciseId: exercise.id };
    let late: unknown = "not run";
    const timedOut = await rawTransaction(
      async (tx) => {
        await upsertBestScoresRaw([{ key, fields: null }], tx);
        await new Promise((resolve) => setTimeout(resolve, 300));
        late = await upsertBestScoresRaw([{ key, fields: null }], tx).catch((e: unknown) => e);
      },
      { maxWaitMs: 5_000, timeoutMs: 50 },
    ).catch((e: unknown) => e);
    expect(String(timedOut)).toContain("transaction timed out");
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(String(late)).toContain("the transaction has ended");
    expect(await getDb().bestScore.count({ where: key })).toBe(0);
    // The connection (SQLite's mutex, PostgreSQL's pool client) was given back: the next one works.
    await rawTransaction((tx) => upsertBestScoresRaw([{ key, fields: null }], tx));
    expect(await getDb().bestScore.count({ where: key })).toBe(1);
  });

  it("reads session states, submitters and the leaderboard as Prisma does", async () => {
    await freshExercise();
    const [studentA, studentB] = klass.studentIds;
    await insertQueuedSubmissions([row(studentA, 1), row(studentA, 2)]);
    const sessions = await readSessionStatesRaw([studentA, "missing"]);
    const viaPrisma = await getDb().user.findUniqueOrThrow({
      where: { id: studentA },
      select: { id: true, email: true, name: true, role: true, isAdmin: true, sessionVersion: true },
    });
    expect(sessions).toEqual([viaPrisma]);
    const ask = (userId: string) => findSubmitter({ classId: klass.classId, exerciseId: exercise.id, userId });
    const submitters = await Promise.all([studentA, studentB, klass.instructorId].map(ask)); // one batched read
    const byId = new Map(submitters.map((found) => [found?.user.id, found]));
    const user = await getDb().user.findUniqueOrThrow({ where: { id: studentA } });
    expect(byId.get(studentA)).toEqual({
      user: {
        id: user.id,
        email: user.email,
        name: user.name,
        role: "STUDENT",
        isAdmin: false,
        locale: user.locale,
        createdAt: user.createdAt,
      },
      enrollmentStatus: "ACTIVE",
      lastAttemptNumber: 2,
    });
    expect(byId.get(studentB)?.lastAttemptNumber).toBe(0);
    expect(byId.get(klass.instructorId)?.enrollmentStatus).toBeNull();
    const board = await loadLeaderboardData(klass.classId, [studentA, studentB]);
    expect(board.students.map((s) => s.userId).sort()).toEqual([studentA, studentB].sort());
    const version = await getDb().exerciseVersion.findUniqueOrThrow({ where: { id: exercise.version.id } });
    expect(board.exercises.find((e) => e.id === exercise.id)?.points).toBe(version.points);
    const scores = await getDb().bestScore.findMany({
      where: { classId: klass.classId, userId: { in: [studentA, studentB] } },
      select: { userId: true, exerciseId: true, bestScore: true, passedAt: true, bestAt: true },
    });
    const sort = (rows: { userId: string; exerciseId: string }[]) =>
      [...rows].sort((x, y) => `${x.userId}${x.exerciseId}`.localeCompare(`${y.userId}${y.exerciseId}`));
    expect(sort(board.scores)).toEqual(sort(scores));
    expect(scores.length).toBeGreaterThan(0);
  });
});
