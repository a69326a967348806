import { getDb, type DbClient } from "./get-db";
import { rawParams, rawQuery, readValue as read } from "./raw-sql";

export interface LeaderboardStudentRow {
  userId: string;
  name: string;
  alias: string | null;
}

export interface LeaderboardScoreRow {
  userId: string;
  exerciseId: string;
  bestScore: number;
  passedAt: Date | null;
  bestAt: Date | null;
}

export interface LeaderboardExerciseRow {
  id: string;
  /** The points of the exercise's current version. */
  points: number;
}

export interface LeaderboardData {
  students: LeaderboardStudentRow[];
  exercises: LeaderboardExerciseRow[];
  scores: LeaderboardScoreRow[];
}

/**
 * Everything the leaderboard rule needs for a class (or only some of its students): the active
 * students, the exercises that count (published, or published and closed since) with their
 * points, and the students' BestScore rows on them. Three reads; no ranking here.
 */
export async function loadLeaderboardData(classId: string, userIds?: readonly string[]): Promise<LeaderboardData> {
  // The live feed reloads this on every flush of a burst: raw reads on the adapter, no Prisma
  // call (lib/db/request-reads-raw.ts).
  const [students, exercises] = await Promise.all([
    readLeaderboardStudentsRaw(classId, userIds),
    readLeaderboardExercisesRaw(classId),
  ]);
  const ids = exercises.map((exercise) => exercise.id);
  return { students, exercises, scores: await readLeaderboardScoresRaw(classId, ids, userIds) };
}

/** A student's leaderboard alias in a class (null clears it). Returns false when not enrolled. */
export async function updateEnrollmentAlias(
  classId: string,
  userId: string,
  alias: string | null,
  db: DbClient = getDb(),
): Promise<boolean> {
  const result = await db.enrollment.updateMany({ where: { classId, userId, status: "ACTIVE" }, data: { alias } });
  return result.count === 1;
}

export async function findEnrollmentAlias(
  classId: string,
  userId: string,
  db: DbClient = getDb(),
): Promise<string | null> {
  const row = await db.enrollment.findUnique({
    where: { classId_userId: { classId, userId } },
    select: { alias: true },
  });
  return row?.alias ?? null;
}

/** The class's active students (or only `userIds`), with their leaderboard alias. */
async function readLeaderboardStudentsRaw(
  classId: string,
  userIds?: readonly string[],
): Promise<LeaderboardStudentRow[]> {
  if (userIds && userIds.length === 0) return [];
  const p = rawParams();
  let sql =
    `SELECT u."id", u."name", e."alias" FROM "Enrollment" e JOIN "User" u ON u."id" = e."userId" ` +
    `WHERE e."classId" = ${p.add(classId)} AND e."status" = 'ACTIVE'`;
  if (userIds) sql += ` AND e."userId" IN ${p.list(userIds)}`;
  const rows = await rawQuery(sql, p);
  return rows.map((row) => ({
    userId: read.string(row.id),
    name: read.string(row.name),
    alias: read.stringOrNull(row.alias),
  }));
}

/** The exercises that count (published, or closed since), each with its current version's points. */
async function readLeaderboardExercisesRaw(classId: string): Promise<LeaderboardExerciseRow[]> {
  const p = rawParams();
  const rows = await rawQuery(
    `SELECT x."id", v."points" FROM "Exercise" x ` +
      `LEFT JOIN "ExerciseVersion" v ON v."exerciseId" = x."id" AND v."version" = x."currentVersion" ` +
      `WHERE x."classId" = ${p.add(classId)} AND x."status" IN ('PUBLISHED', 'CLOSED')`,
    p,
  );
  return rows.map((row) => ({ id: read.string(row.id), points: read.numberOrNull(row.points) ?? 100 }));
}

/** The BestScore rows of the class on `exerciseIds` (of only `userIds` when given). */
async function readLeaderboardScoresRaw(
  classId: string,
  exerciseIds: readonly string[],
  userIds?: readonly string[],
): Promise<LeaderboardScoreRow[]> {
  if (exerciseIds.length === 0 || (userIds && userIds.length === 0)) return [];
  const p = rawParams();
  let sql =
    `SELECT "userId", "exerciseId", "bestScore", "passedAt", "bestAt" FROM "BestScore" ` +
    `WHERE "classId" = ${p.add(classId)} AND "exerciseId" IN ${p.list(exerciseIds)}`;
  if (userIds) sql += ` AND "userId" IN ${p.list(userIds)}`;
  const rows = await rawQuery(sql, p);
  return rows.map((row) => ({
    userId: read.string(row.userId),
    exerciseId: read.string(row.exerciseId),
    bestScore: read.number(row.bestScore),
    passedAt: read.dateOrNull(row.passedAt),
    bestAt: read.dateOrNull(row.bestAt),
  }));
}
