import type { EnrollmentStatus } from "./enrollments";
import type { LeaderboardExerciseRow, LeaderboardScoreRow, LeaderboardStudentRow } from "./leaderboard";
import { rawParams, rawQuery, readValue as read } from "./raw-sql";
import type { UserRecord, UserRole, UserSessionState } from "./users";

/**
 * Reads a burst makes per request or per live-feed flush, as raw SQL on the driver adapter (see
 * lib/db/raw-sql.ts): the session check of every API request, the submit gate's student read, and
 * the leaderboard feed's three reads. Same rows and filters as the Prisma queries they replace.
 */

/** The session state of each account among `ids` (absent when deleted). */
export async function readSessionStatesRaw(ids: readonly string[]): Promise<UserSessionState[]> {
  if (ids.length === 0) return [];
  const p = rawParams();
  const rows = await rawQuery(
    `SELECT "id", "email", "name", "role", "isAdmin", "sessionVersion" FROM "User" WHERE "id" IN ${p.list(ids)}`,
    p,
  );
  return rows.map((row) => ({
    id: read.string(row.id),
    email: read.string(row.email),
    name: read.string(row.name),
    role: read.string(row.role) as UserRole,
    isAdmin: read.boolean(row.isAdmin),
    sessionVersion: read.int(row.sessionVersion),
  }));
}

/** Each user among `userIds`, their enrollment status in the class and their last attempt number on the exercise. */
export async function readSubmittersRaw(
  classId: string,
  exerciseId: string,
  userIds: readonly string[],
): Promise<{ user: UserRecord; enrollmentStatus: EnrollmentStatus | null; lastAttemptNumber: number }[]> {
  if (userIds.length === 0) return [];
  const p = rawParams();
  // Placeholders in text order (SQLite's `?` are positional).
  const sql =
    `SELECT u."id", u."email", u."name", u."role", u."isAdmin", u."locale", u."createdAt", ` +
    `(SELECT e."status" FROM "Enrollment" e WHERE e."userId" = u."id" AND e."classId" = ${p.add(classId)}) AS "enrollmentStatus", ` +
    `(SELECT MAX(s."attemptNumber") FROM "Submission" s WHERE s."userId" = u."id" AND s."exerciseId" = ${p.add(exerciseId)}) AS "lastAttempt" ` +
    `FROM "User" u WHERE u."id" IN ${p.list(userIds)}`;
  const rows = await rawQuery(sql, p);
  return rows.map((row) => ({
    user: {
      id: read.string(row.id),
      email: read.string(row.email),
      name: read.string(row.name),
      role: read.string(row.role) as UserRole,
      isAdmin: read.boolean(row.isAdmin),
      locale: read.string(row.locale),
      createdAt: read.date(row.createdAt),
    },
    enrollmentStatus: read.stringOrNull(row.enrollmentStatus) as EnrollmentStatus | null,
    lastAttemptNumber: read.numberOrNull(row.lastAttempt) ?? 0,
  }));
}

/** The class's active students (or only `userIds`), with their leaderboard alias. */
export async function readLeaderboardStudentsRaw(
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
export async function readLeaderboardExercisesRaw(classId: string): Promise<LeaderboardExerciseRow[]> {
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
export async function readLeaderboardScoresRaw(
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
