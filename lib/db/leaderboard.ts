import { getDb, type DbClient } from "./get-db";

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
export async function loadLeaderboardData(
  classId: string,
  userIds?: readonly string[],
  db: DbClient = getDb(),
): Promise<LeaderboardData> {
  const only = userIds ? { userId: { in: [...userIds] } } : {};
  const [enrollments, exercises] = await Promise.all([
    db.enrollment.findMany({
      where: { classId, status: "ACTIVE", ...only },
      select: { alias: true, user: { select: { id: true, name: true } } },
    }),
    db.exercise.findMany({
      where: { classId, status: { in: ["PUBLISHED", "CLOSED"] } },
      select: { id: true, currentVersion: true, versions: { select: { version: true, points: true } } },
    }),
  ]);
  const counted = exercises.map((exercise) => ({
    id: exercise.id,
    points: exercise.versions.find((version) => version.version === exercise.currentVersion)?.points ?? 100,
  }));
  const scores = await db.bestScore.findMany({
    where: { classId, exerciseId: { in: counted.map((exercise) => exercise.id) }, ...only },
    select: { userId: true, exerciseId: true, bestScore: true, passedAt: true, bestAt: true },
  });
  return {
    students: enrollments.map((row) => ({ userId: row.user.id, name: row.user.name, alias: row.alias })),
    exercises: counted,
    scores,
  };
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
