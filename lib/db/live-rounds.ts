import { getDb, type DbClient } from "./get-db";
import { isRecordNotFound } from "./prisma-errors";

export type LiveRoundStatus = "PENDING" | "RUNNING" | "ENDED";

export interface LiveRoundRecord {
  id: string;
  classId: string;
  exerciseId: string;
  status: LiveRoundStatus;
  startsAt: Date | null;
  endsAt: Date | null;
  durationSeconds: number;
  endedAt: Date | null;
  createdById: string | null;
  createdAt: Date;
}

const roundFields = {
  id: true,
  classId: true,
  exerciseId: true,
  status: true,
  startsAt: true,
  endsAt: true,
  durationSeconds: true,
  endedAt: true,
  createdById: true,
  createdAt: true,
} as const;

export async function insertRunningRound(
  data: {
    classId: string;
    exerciseId: string;
    durationSeconds: number;
    createdById: string;
    startsAt: Date;
    endsAt: Date;
  },
  db: DbClient = getDb(),
): Promise<LiveRoundRecord> {
  return db.liveRound.create({ data: { ...data, status: "RUNNING" }, select: roundFields });
}

export async function findLiveRound(id: string, db: DbClient = getDb()): Promise<LiveRoundRecord | null> {
  return db.liveRound.findUnique({ where: { id }, select: roundFields });
}

/** The class's running round, if any (one at a time per class). */
export async function findRunningRound(classId: string, db: DbClient = getDb()): Promise<LiveRoundRecord | null> {
  return db.liveRound.findFirst({
    where: { classId, status: "RUNNING" },
    orderBy: { startsAt: "desc" },
    select: roundFields,
  });
}

/**
 * Closes a running round with one conditional update: of two closers (the timer on two nodes, the
 * instructor's button) exactly one gets the row back and announces the end; the others get null.
 */
export async function markRoundEnded(
  id: string,
  endedAt: Date,
  db: DbClient = getDb(),
): Promise<LiveRoundRecord | null> {
  return db.liveRound
    .update({ where: { id, status: "RUNNING" }, data: { status: "ENDED", endedAt }, select: roundFields })
    .catch((error: unknown) => {
      if (isRecordNotFound(error)) return null;
      throw error;
    });
}

/** Running rounds, soonest end first (a restarted server closes the overdue and re-arms the rest). */
export async function listRunningRounds(db: DbClient = getDb()): Promise<LiveRoundRecord[]> {
  return db.liveRound.findMany({
    where: { status: "RUNNING" },
    orderBy: { endsAt: "asc" },
    select: roundFields,
    take: 1_000,
  });
}

export interface RoundListRow extends LiveRoundRecord {
  titleEn: string;
  titleZh: string;
  answers: number;
}

/** A class's rounds, newest first, with the exercise's current title and the number of answers. */
export async function listClassRounds(classId: string, limit = 50, db: DbClient = getDb()): Promise<RoundListRow[]> {
  const rows = await db.liveRound.findMany({
    where: { classId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      ...roundFields,
      _count: { select: { submissions: true } },
      exercise: {
        select: { currentVersion: true, versions: { select: { version: true, titleEn: true, titleZh: true } } },
      },
    },
  });
  return rows.map(({ _count, exercise, ...round }) => {
    const version = exercise.versions.find((v) => v.version === exercise.currentVersion);
    return { ...round, titleEn: version?.titleEn ?? "", titleZh: version?.titleZh ?? "", answers: _count.submissions };
  });
}

export interface RoundSubmissionRow {
  id: string;
  userId: string;
  status: "queued" | "running" | "passed" | "failed" | "needs_review" | "infra_error";
  passed: boolean | null;
  score: number | null;
  queuedAt: Date;
  firstDivergence: unknown;
}

/** Every submission made for a round, in the order they were accepted. */
export async function listRoundSubmissions(roundId: string, db: DbClient = getDb()): Promise<RoundSubmissionRow[]> {
  return db.submission.findMany({
    where: { liveRoundId: roundId },
    orderBy: { queuedAt: "asc" },
    select: { id: true, userId: true, status: true, passed: true, score: true, queuedAt: true, firstDivergence: true },
  });
}

/** Display names for a class's students: the leaderboard alias when they chose one. */
export async function listStudentNames(
  classId: string,
  userIds: readonly string[],
  db: DbClient = getDb(),
): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const [users, enrollments] = await Promise.all([
    db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true } }),
    db.enrollment.findMany({ where: { classId, userId: { in: [...userIds] } }, select: { userId: true, alias: true } }),
  ]);
  const alias = new Map(enrollments.map((row) => [row.userId, row.alias?.trim() ?? ""]));
  return new Map(users.map((user) => [user.id, alias.get(user.id) || user.name]));
}

/** The exercise's class and current title (a round is started on one exercise of the class). */
export async function findRoundExercise(exerciseId: string, db: DbClient = getDb()) {
  const exercise = await db.exercise.findUnique({
    where: { id: exerciseId },
    select: {
      id: true,
      classId: true,
      kind: true,
      status: true,
      currentVersion: true,
      versions: { select: { version: true, titleEn: true, titleZh: true } },
    },
  });
  if (!exercise) return null;
  const version = exercise.versions.find((v) => v.version === exercise.currentVersion);
  return {
    id: exercise.id,
    classId: exercise.classId,
    kind: exercise.kind,
    status: exercise.status,
    titleEn: version?.titleEn ?? "",
    titleZh: version?.titleZh ?? "",
  };
}
