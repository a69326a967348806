import { getDb, type DbClient } from "./get-db";
import type { ExerciseKind, ExerciseVersionRecord } from "./exercises";

export type SubmissionStatus = "QUEUED" | "RUNNING" | "GRADED" | "NEEDS_REVIEW" | "INFRA_ERROR";

export interface SubmissionRecord {
  id: string;
  exerciseId: string;
  exerciseVersionId: string;
  userId: string;
  classId: string;
  assignmentId: string | null;
  liveRoundId: string | null;
  code: string;
  status: SubmissionStatus;
  attemptNumber: number;
  claimAttempt: number;
  passed: boolean | null;
  score: number | null;
  verdict: unknown;
  trace: unknown;
  firstDivergence: unknown;
  failingSeed: number | null;
  infraRetries: number;
  queuedAt: Date;
  startedAt: Date | null;
  gradedAt: Date | null;
  runMs: number | null;
}

export interface ClaimedSubmission extends SubmissionRecord {
  kind: ExerciseKind;
  version: ExerciseVersionRecord;
}

/**
 * Inserts a QUEUED submission as the student's next attempt. The (user, exercise, attempt) unique
 * index turns a concurrent double submit into P2002 instead of two rows with the same number.
 */
export async function insertQueuedSubmission(
  data: { exerciseId: string; exerciseVersionId: string; userId: string; classId: string; code: string; assignmentId?: string | null; liveRoundId?: string | null },
  db: DbClient = getDb(),
): Promise<SubmissionRecord> {
  const last = await db.submission.findFirst({
    where: { userId: data.userId, exerciseId: data.exerciseId },
    orderBy: { attemptNumber: "desc" },
    select: { attemptNumber: true },
  });
  return db.submission.create({ data: { ...data, status: "QUEUED", attemptNumber: (last?.attemptNumber ?? 0) + 1 } });
}

export async function findSubmission(id: string, db: DbClient = getDb()): Promise<SubmissionRecord | null> {
  return db.submission.findUnique({ where: { id } });
}

/**
 * Claims a submission for grading with one conditional update: only a QUEUED or INFRA_ERROR row,
 * or a RUNNING row whose worker went silent before `staleBefore`, can be claimed. Two workers
 * racing for the same row: exactly one update matches. Returns null when nothing was claimed.
 */
export async function claimSubmission(id: string, staleBefore: Date, db: DbClient = getDb()): Promise<ClaimedSubmission | null> {
  const claimed = await db.submission.updateMany({
    where: {
      id,
      OR: [{ status: "QUEUED" }, { status: "INFRA_ERROR" }, { status: "RUNNING", startedAt: { lt: staleBefore } }],
    },
    data: { status: "RUNNING", claimAttempt: { increment: 1 }, startedAt: new Date() },
  });
  if (claimed.count !== 1) return null;
  const row = await db.submission.findUnique({
    where: { id },
    include: { exerciseVersion: true, exercise: { select: { kind: true } } },
  });
  if (!row) return null;
  const { exerciseVersion, exercise, ...submission } = row;
  return { ...submission, kind: exercise.kind, version: exerciseVersion };
}

export interface GradedFields {
  status: "GRADED" | "NEEDS_REVIEW";
  passed: boolean;
  score: number;
  verdict: object;
  trace: object;
  firstDivergence: object | null;
  failingSeed: number | null;
  runMs: number;
}

/**
 * Stores the verdict only if this worker still holds the claim it started with: a stale worker
 * (its row re-claimed after a timeout) or a duplicate delivery writes nothing. Returns whether
 * this call stored the result.
 */
export async function storeGradedResult(id: string, claimAttempt: number, fields: GradedFields, db: DbClient = getDb()): Promise<boolean> {
  const { firstDivergence, ...rest } = fields;
  const result = await db.submission.updateMany({
    where: { id, claimAttempt, status: "RUNNING" },
    data: { ...rest, firstDivergence: firstDivergence ?? undefined, gradedAt: new Date() },
  });
  return result.count === 1;
}

/** The sandbox (not the student) failed: keep the row for a retry and count infra retries. */
export async function markInfraError(id: string, claimAttempt: number, message: string, db: DbClient = getDb()): Promise<boolean> {
  const result = await db.submission.updateMany({
    where: { id, claimAttempt, status: "RUNNING" },
    data: { status: "INFRA_ERROR", infraRetries: { increment: 1 }, verdict: { infraError: message } },
  });
  return result.count === 1;
}

/**
 * What a restarted or periodic recovery must (re-)enqueue: QUEUED rows, RUNNING rows whose worker
 * went silent before `staleBefore`, and INFRA_ERROR rows not touched since `infraBefore`.
 */
export async function listRecoverableSubmissionIds(
  options: { staleBefore: Date; infraBefore: Date; limit: number },
  db: DbClient = getDb(),
): Promise<string[]> {
  const rows = await db.submission.findMany({
    where: {
      OR: [
        { status: "QUEUED" },
        { status: "RUNNING", startedAt: { lt: options.staleBefore } },
        { status: "INFRA_ERROR", updatedAt: { lt: options.infraBefore } },
      ],
    },
    orderBy: { queuedAt: "asc" },
    take: options.limit,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/**
 * Recomputes the (class, student, exercise) leaderboard row from the graded submissions. Derived,
 * so it is idempotent (a regrade or a duplicate delivery cannot double-count) and converges when
 * two gradings of the same student finish together: each runs after its own commit.
 */
export async function refreshBestScore(key: { classId: string; userId: string; exerciseId: string }, db: DbClient = getDb()) {
  const graded = { ...key, status: "GRADED" as const };
  const [best, attempts, firstPass] = await Promise.all([
    db.submission.findFirst({ where: graded, orderBy: [{ score: "desc" }, { gradedAt: "asc" }], select: { id: true, score: true } }),
    db.submission.count({ where: graded }),
    db.submission.findFirst({ where: { ...graded, passed: true }, orderBy: { gradedAt: "asc" }, select: { gradedAt: true } }),
  ]);
  const values = { bestScore: best?.score ?? 0, bestSubmissionId: best?.id ?? null, attempts, passedAt: firstPass?.gradedAt ?? null };
  return db.bestScore.upsert({
    where: { classId_userId_exerciseId: key },
    create: { ...key, ...values },
    update: values,
  });
}

export async function countSubmissionsByStatus(where: { exerciseId?: string; ids?: string[] }, db: DbClient = getDb()) {
  const rows = await db.submission.groupBy({
    by: ["status"],
    where: { ...(where.exerciseId ? { exerciseId: where.exerciseId } : {}), ...(where.ids ? { id: { in: where.ids } } : {}) },
    _count: { _all: true },
  });
  return Object.fromEntries(rows.map((row) => [row.status, row._count._all])) as Partial<Record<SubmissionStatus, number>>;
}

/**
 * Regrade: every submission of the exercise goes back to QUEUED against the exercise's current
 * version. Returns the ids to enqueue.
 */
export async function requeueExerciseSubmissions(exerciseId: string, exerciseVersionId: string, db: DbClient = getDb()): Promise<string[]> {
  const rows = await db.submission.findMany({
    where: { exerciseId, status: { in: ["GRADED", "NEEDS_REVIEW", "INFRA_ERROR"] } },
    select: { id: true },
  });
  const ids = rows.map((row) => row.id);
  await db.submission.updateMany({
    where: { id: { in: ids } },
    data: { status: "QUEUED", exerciseVersionId, queuedAt: new Date(), startedAt: null },
  });
  return ids;
}
