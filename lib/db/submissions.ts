import { getDb, type DbClient } from "./get-db";
import type { ExerciseKind, ExerciseVersionRecord } from "./exercises";
import type { SubmissionStatus } from "@/generated/prisma-sqlite/enums";
import type { GradedFields, NewSubmission, SubmissionRecord } from "./submission-record";
import { claimSubmissionsRaw, insertSubmissionsRaw, storeGradedResultRaw } from "./submissions-raw";

export interface ClaimedSubmission extends SubmissionRecord {
  kind: ExerciseKind;
  version: ExerciseVersionRecord;
}

/**
 * Inserts a queued submission as the student's next attempt. The (user, exercise, attempt) unique
 * index turns a concurrent double submit into P2002 instead of two rows with the same number.
 * `afterAttempt` (the last attempt number, already read by the submission gate) saves a read.
 */
export async function insertQueuedSubmission(
  data: NewSubmission,
  db: DbClient = getDb(),
  afterAttempt?: number,
): Promise<SubmissionRecord> {
  // The submit path knows the last attempt: one raw insert (lib/db/raw-sql.ts), no Prisma call.
  if (afterAttempt !== undefined && db === getDb())
    return (await insertSubmissionsRaw([{ ...data, attemptNumber: afterAttempt + 1 }]))[0];
  const last =
    afterAttempt ??
    (
      await db.submission.findFirst({
        where: { userId: data.userId, exerciseId: data.exerciseId },
        orderBy: { attemptNumber: "desc" },
        select: { attemptNumber: true },
      })
    )?.attemptNumber ??
    0;
  return db.submission.create({ data: { ...data, status: "queued", attemptNumber: last + 1 } });
}

export async function findSubmission(id: string, db: DbClient = getDb()): Promise<SubmissionRecord | null> {
  return db.submission.findUnique({ where: { id } });
}

/** A submission with its exercise's kind (what every view of it needs), in one query. */
export async function findSubmissionWithKind(
  id: string,
  db: DbClient = getDb(),
): Promise<(SubmissionRecord & { kind: ExerciseKind }) | null> {
  const row = await db.submission.findUnique({ where: { id }, include: { exercise: { select: { kind: true } } } });
  if (!row) return null;
  const { exercise, ...submission } = row;
  return { ...submission, kind: exercise.kind };
}

/**
 * Claims a submission for grading with one conditional update: only a queued row, or a running
 * row whose worker went silent before `staleBefore`, can be claimed. Two workers
 * racing for the same row: exactly one update matches. Returns null when nothing was claimed.
 */
export async function claimSubmission(id: string, staleBefore: Date): Promise<ClaimedSubmission | null> {
  // One raw UPDATE … RETURNING (lib/db/submissions-raw.ts): the grading burst's hot path.
  const [row] = await claimSubmissionsRaw([id], staleBefore);
  if (!row) return null;
  const version = await findVersionWithKind(row.exerciseVersionId);
  return version ? { ...row, kind: version.kind, version: version.version } : null;
}

// Exercise versions are immutable (an edit creates version n+1) and an exercise never changes its
// kind, so the grading hot path reads each version once per process instead of once per job.
const versionCache = new Map<string, { kind: ExerciseKind; version: ExerciseVersionRecord }>();
const VERSION_CACHE_SIZE = 500;

export async function findVersionWithKind(exerciseVersionId: string, db: DbClient = getDb()) {
  const cached = versionCache.get(exerciseVersionId);
  if (cached) return cached;
  const row = await db.exerciseVersion.findUnique({
    where: { id: exerciseVersionId },
    include: { exercise: { select: { kind: true } } },
  });
  if (!row) return null;
  const { exercise, ...version } = row;
  const entry = { kind: exercise.kind, version };
  if (versionCache.size >= VERSION_CACHE_SIZE) versionCache.delete(versionCache.keys().next().value ?? "");
  versionCache.set(exerciseVersionId, entry);
  return entry;
}

/**
 * Stores the verdict only if this worker still holds the claim it started with: a stale worker
 * (its row re-claimed after a timeout) or a duplicate delivery writes nothing. Returns whether
 * this call stored the result.
 */
export async function storeGradedResult(id: string, claimAttempt: number, fields: GradedFields): Promise<boolean> {
  return storeGradedResultRaw({ id, claimAttempt, fields });
}

/**
 * The infrastructure (not the student) failed on this claim: the row goes back to `queued` for a
 * retry, or ends `infra_error` when `final` (retries exhausted, or a checker bug). Guarded by the
 * claim like a verdict; returns whether this call recorded it.
 */
export async function recordInfraFailure(
  id: string,
  claimAttempt: number,
  failure: { message: string; final: boolean },
  db: DbClient = getDb(),
): Promise<boolean> {
  const result = await db.submission.updateMany({
    where: { id, claimAttempt, status: "running" },
    data: {
      status: failure.final ? "infra_error" : "queued",
      infraRetries: { increment: 1 },
      infraError: failure.message,
      startedAt: null,
    },
  });
  return result.count === 1;
}

/**
 * What a restarted or periodic recovery must (re-)enqueue: queued rows and running rows whose
 * worker went silent before `staleBefore`. An infra_error row is final: the instructor regrades it.
 */
export async function listRecoverableSubmissionIds(
  options: { staleBefore: Date; limit: number },
  db: DbClient = getDb(),
): Promise<string[]> {
  const rows = await db.submission.findMany({
    where: { OR: [{ status: "queued" }, { status: "running", startedAt: { lt: options.staleBefore } }] },
    orderBy: { queuedAt: "asc" },
    take: options.limit,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

export async function countSubmissionsByStatus(where: { exerciseId?: string; ids?: string[] }, db: DbClient = getDb()) {
  const rows = await db.submission.groupBy({
    by: ["status"],
    where: {
      ...(where.exerciseId ? { exerciseId: where.exerciseId } : {}),
      ...(where.ids ? { id: { in: where.ids } } : {}),
    },
    _count: { _all: true },
  });
  return Object.fromEntries(rows.map((row) => [row.status, row._count._all])) as Partial<
    Record<SubmissionStatus, number>
  >;
}

/**
 * Regrade: every submission of the exercise goes back to queued against the exercise's current
 * version. Returns the ids to enqueue.
 */
export async function requeueExerciseSubmissions(
  exerciseId: string,
  exerciseVersionId: string,
  db: DbClient = getDb(),
): Promise<string[]> {
  const rows = await db.submission.findMany({
    where: { exerciseId, status: { in: ["passed", "failed", "needs_review", "infra_error"] } },
    select: { id: true },
  });
  const ids = rows.map((row) => row.id);
  await db.submission.updateMany({
    where: { id: { in: ids } },
    data: { status: "queued", exerciseVersionId, queuedAt: new Date(), startedAt: null, infraRetries: 0 },
  });
  return ids;
}

export interface SubmissionTimes {
  id: string;
  status: SubmissionStatus;
  passed: boolean | null;
  queuedAt: Date;
  startedAt: Date | null;
  gradedAt: Date | null;
  runMs: number | null;
}

/** Status and timestamps of the given submissions (the burst benchmark's latency source). */
export async function listSubmissionTimes(ids: string[], db: DbClient = getDb()): Promise<SubmissionTimes[]> {
  return db.submission.findMany({
    where: { id: { in: ids } },
    select: { id: true, status: true, passed: true, queuedAt: true, startedAt: true, gradedAt: true, runMs: true },
  });
}
