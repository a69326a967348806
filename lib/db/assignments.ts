import { getDb, type DbClient } from "./get-db";
import { withTransaction } from "./with-transaction";

export type LatePolicyKind = "REFUSE" | "PENALTY";
export type ScorePolicyKind = "BEST" | "LAST";

export interface AssignmentRecord {
  id: string;
  classId: string;
  title: string;
  opensAt: Date | null;
  dueAt: Date;
  latePolicy: LatePolicyKind;
  latePercentPerDay: number;
  lateMaxPercent: number;
  attemptsLimit: number | null;
  scorePolicy: ScorePolicyKind;
  published: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface AssignmentExerciseRow {
  exerciseId: string;
  points: number;
  position: number;
  slug: string;
  titleEn: string;
  titleZh: string;
}

export interface AssignmentWithExercises extends AssignmentRecord {
  exercises: AssignmentExerciseRow[];
}

export type AssignmentFields = Omit<AssignmentRecord, "id" | "classId" | "createdAt" | "updatedAt">;

const withExercises = {
  exercises: {
    orderBy: { position: "asc" as const },
    select: {
      exerciseId: true,
      points: true,
      position: true,
      exercise: {
        select: {
          slug: true,
          currentVersion: true,
          versions: { select: { version: true, titleEn: true, titleZh: true } },
        },
      },
    },
  },
} as const;

type RowWithExercises = AssignmentRecord & {
  exercises: {
    exerciseId: string;
    points: number;
    position: number;
    exercise: {
      slug: string;
      currentVersion: number;
      versions: { version: number; titleEn: string; titleZh: string }[];
    };
  }[];
};

function toAssignmentWithExercises(row: RowWithExercises): AssignmentWithExercises {
  const { exercises, ...assignment } = row;
  return {
    ...assignment,
    exercises: exercises.map(({ exerciseId, points, position, exercise }) => {
      const current =
        exercise.versions.find((version) => version.version === exercise.currentVersion) ?? exercise.versions[0];
      return {
        exerciseId,
        points,
        position,
        slug: exercise.slug,
        titleEn: current?.titleEn ?? exercise.slug,
        titleZh: current?.titleZh ?? exercise.slug,
      };
    }),
  };
}

/** The ids among `exerciseIds` that are exercises of `classId`. */
export async function findClassExerciseIds(
  classId: string,
  exerciseIds: string[],
  db: DbClient = getDb(),
): Promise<string[]> {
  const rows = await db.exercise.findMany({ where: { classId, id: { in: exerciseIds } }, select: { id: true } });
  return rows.map((row) => row.id);
}

export async function insertAssignment(
  data: AssignmentFields & { classId: string; exercises: { exerciseId: string; points: number }[] },
): Promise<AssignmentWithExercises> {
  const { exercises, ...fields } = data;
  const row = await getDb().assignment.create({
    data: { ...fields, exercises: { create: exercises.map((exercise, position) => ({ ...exercise, position })) } },
    include: withExercises,
  });
  return toAssignmentWithExercises(row);
}

/** Replaces the fields given and, when `exercises` is given, the whole exercise list. */
export async function updateAssignment(
  id: string,
  fields: Partial<AssignmentFields>,
  exercises: { exerciseId: string; points: number }[] | undefined,
): Promise<AssignmentWithExercises> {
  return withTransaction(async (tx) => {
    if (exercises) {
      await tx.assignmentExercise.deleteMany({ where: { assignmentId: id } });
      await tx.assignmentExercise.createMany({
        data: exercises.map((exercise, position) => ({ ...exercise, position, assignmentId: id })),
      });
    }
    const row = await tx.assignment.update({ where: { id }, data: fields, include: withExercises });
    return toAssignmentWithExercises(row);
  });
}

export async function deleteAssignment(id: string, db: DbClient = getDb()): Promise<void> {
  await db.assignment.delete({ where: { id } });
}

export async function findAssignment(id: string, db: DbClient = getDb()): Promise<AssignmentWithExercises | null> {
  const row = await db.assignment.findUnique({ where: { id }, include: withExercises });
  return row ? toAssignmentWithExercises(row) : null;
}

/** Soonest due first. */
export async function listClassAssignments(
  classId: string,
  options: { publishedOnly: boolean },
  db: DbClient = getDb(),
): Promise<AssignmentWithExercises[]> {
  const rows = await db.assignment.findMany({
    where: { classId, ...(options.publishedOnly ? { published: true } : {}) },
    include: withExercises,
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toAssignmentWithExercises);
}

/** The assignment, only if it contains the exercise. */
export async function findAssignmentForSubmission(
  assignmentId: string,
  exerciseId: string,
  db: DbClient = getDb(),
): Promise<AssignmentRecord | null> {
  return db.assignment.findFirst({ where: { id: assignmentId, exercises: { some: { exerciseId } } } });
}

/** How many submissions this student made to this exercise for this assignment. */
export async function countAssignmentAttempts(
  key: { assignmentId: string; userId: string; exerciseId: string },
  db: DbClient = getDb(),
): Promise<number> {
  return db.submission.count({ where: key });
}

export interface AssignmentSubmissionRow {
  id: string;
  userId: string;
  exerciseId: string;
  attemptNumber: number;
  status: "queued" | "running" | "passed" | "failed" | "needs_review" | "infra_error";
  passed: boolean | null;
  score: number | null;
  queuedAt: Date;
}

const assignmentSubmissionSelect = {
  id: true,
  userId: true,
  exerciseId: true,
  attemptNumber: true,
  status: true,
  passed: true,
  score: true,
  queuedAt: true,
} as const;

/** What the gradebook needs of every submission made for the assignment (no code, no trace). */
export async function listAssignmentSubmissions(
  assignmentId: string,
  userId?: string,
  db: DbClient = getDb(),
): Promise<AssignmentSubmissionRow[]> {
  return db.submission.findMany({
    where: { assignmentId, ...(userId ? { userId } : {}) },
    select: assignmentSubmissionSelect,
    orderBy: [{ queuedAt: "asc" }, { attemptNumber: "asc" }],
  });
}

export interface ArchivedSubmissionRow extends AssignmentSubmissionRow {
  code: string;
  verdict: unknown;
  trace: unknown;
  gradedAt: Date | null;
}

/** Everything, for the record: one page at a time (ordered by id) so a large class streams. */
export async function listAssignmentSubmissionsPage(
  assignmentId: string,
  afterId: string | null,
  take: number,
  db: DbClient = getDb(),
): Promise<ArchivedSubmissionRow[]> {
  return db.submission.findMany({
    where: { assignmentId, ...(afterId ? { id: { gt: afterId } } : {}) },
    select: {
      ...assignmentSubmissionSelect,
      code: true,
      verdict: true,
      trace: true,
      gradedAt: true,
    },
    orderBy: { id: "asc" },
    take,
  });
}

export interface OverrideRecord {
  userId: string;
  exerciseId: string;
  points: number;
  reason: string;
  updatedAt: Date;
}

export async function listOverrides(assignmentId: string, db: DbClient = getDb()): Promise<OverrideRecord[]> {
  return db.gradeOverride.findMany({
    where: { assignmentId },
    select: { userId: true, exerciseId: true, points: true, reason: true, updatedAt: true },
  });
}

export async function listExtensions(
  assignmentId: string,
  db: DbClient = getDb(),
): Promise<{ userId: string; dueAt: Date }[]> {
  return db.assignmentExtension.findMany({ where: { assignmentId }, select: { userId: true, dueAt: true } });
}

export async function findExtension(
  assignmentId: string,
  userId: string,
  db: DbClient = getDb(),
): Promise<Date | null> {
  const row = await db.assignmentExtension.findUnique({
    where: { assignmentId_userId: { assignmentId, userId } },
    select: { dueAt: true },
  });
  return row?.dueAt ?? null;
}

export type AuditAction = "OVERRIDE_SET" | "OVERRIDE_CLEARED" | "EXTENSION_SET" | "EXTENSION_CLEARED";

interface AuditFields {
  assignmentId: string;
  actorId: string;
  userId: string;
  reason: string;
}

/** Sets (points) or clears (null) one cell's override and appends old → new to the trail, together. */
export async function writeOverride(
  fields: AuditFields & { exerciseId: string; points: number | null },
): Promise<{ oldPoints: number | null }> {
  const { assignmentId, userId, exerciseId, points, reason, actorId } = fields;
  return withTransaction(async (tx) => {
    const key = { assignmentId_userId_exerciseId: { assignmentId, userId, exerciseId } };
    const old = await tx.gradeOverride.findUnique({ where: key, select: { points: true } });
    if (points === null) {
      if (old) await tx.gradeOverride.delete({ where: key });
    } else {
      await tx.gradeOverride.upsert({
        where: key,
        create: { assignmentId, userId, exerciseId, points, reason },
        update: { points, reason },
      });
    }
    await tx.gradeAuditEntry.create({
      data: {
        assignmentId,
        actorId,
        userId,
        exerciseId,
        action: points === null ? "OVERRIDE_CLEARED" : "OVERRIDE_SET",
        oldValue: old ? String(old.points) : null,
        newValue: points === null ? null : String(points),
        reason,
      },
    });
    return { oldPoints: old?.points ?? null };
  });
}

/** Sets (a due time) or clears (null) one student's extension, with its trail entry. */
export async function writeExtension(fields: AuditFields & { dueAt: Date | null }): Promise<void> {
  const { assignmentId, userId, dueAt, reason, actorId } = fields;
  await withTransaction(async (tx) => {
    const key = { assignmentId_userId: { assignmentId, userId } };
    const old = await tx.assignmentExtension.findUnique({ where: key, select: { dueAt: true } });
    if (dueAt === null) {
      if (old) await tx.assignmentExtension.delete({ where: key });
    } else {
      await tx.assignmentExtension.upsert({ where: key, create: { assignmentId, userId, dueAt }, update: { dueAt } });
    }
    await tx.gradeAuditEntry.create({
      data: {
        assignmentId,
        actorId,
        userId,
        action: dueAt === null ? "EXTENSION_CLEARED" : "EXTENSION_SET",
        oldValue: old?.dueAt.toISOString() ?? null,
        newValue: dueAt?.toISOString() ?? null,
        reason,
      },
    });
  });
}

export interface AuditRow {
  id: string;
  action: AuditAction;
  actorName: string;
  userId: string;
  exerciseId: string | null;
  oldValue: string | null;
  newValue: string | null;
  reason: string;
  createdAt: Date;
}

/** Newest first. */
export async function listAuditEntries(assignmentId: string, db: DbClient = getDb()): Promise<AuditRow[]> {
  const rows = await db.gradeAuditEntry.findMany({
    where: { assignmentId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { actor: { select: { name: true } } },
  });
  return rows.map(({ actor, assignmentId: _assignmentId, actorId: _actorId, ...row }) => ({
    ...row,
    actorName: actor.name,
  }));
}

export async function findClassTimeZone(classId: string, db: DbClient = getDb()): Promise<string | null> {
  const row = await db.class.findUnique({ where: { id: classId }, select: { timeZone: true } });
  return row?.timeZone ?? null;
}

export async function updateClassTimeZone(classId: string, timeZone: string, db: DbClient = getDb()): Promise<void> {
  await db.class.update({ where: { id: classId }, data: { timeZone } });
}

export type ExportFormatKind = "CSV" | "CANVAS" | "MOODLE" | "ARCHIVE";

/** The record that an export happened (who, when, which format, how many rows). */
export async function insertGradeExport(
  data: { assignmentId: string; format: ExportFormatKind; createdById: string; rowCount: number },
  db: DbClient = getDb(),
): Promise<void> {
  await db.gradeExport.create({ data });
}
