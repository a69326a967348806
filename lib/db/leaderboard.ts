import { getDb, type DbClient } from "./get-db";
import { readLeaderboardExercisesRaw, readLeaderboardScoresRaw, readLeaderboardStudentsRaw } from "./request-reads-raw";

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
