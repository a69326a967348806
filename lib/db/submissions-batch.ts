import {
  GRADED_STATUSES,
  lockBestScore,
  type BestScoreFields,
  type BestScoreKey,
  type GradedScoreRow,
} from "./best-scores";
import { getDb, getDbProvider, type DbClient } from "./get-db";
import {
  findVersionWithKind,
  storeGradedResult,
  type ClaimedSubmission,
  type GradedFields,
  type NewSubmission,
  type SubmissionRecord,
} from "./submissions";

/**
 * The grading hot path in batches (lib/grading/create-group-commit.ts): a burst claims and stores
 * many rows at once, and Prisma's cost is per query, not per row. Same guards as the single-row
 * functions in submissions.ts.
 */

/**
 * Inserts queued submissions with the attempt numbers given, in one statement; a clash on the
 * (user, exercise, attempt) unique index fails the whole insert (P2002), nothing is stored.
 * Returns the rows in the order given.
 */
export async function insertQueuedSubmissions(
  rows: readonly (NewSubmission & { attemptNumber: number })[],
  db: DbClient = getDb(),
): Promise<SubmissionRecord[]> {
  const created = await db.submission.createManyAndReturn({
    data: rows.map((row) => ({ ...row, status: "queued" as const })),
  });
  const key = (row: { userId: string; exerciseId: string; attemptNumber: number }) =>
    `${row.userId}\u0000${row.exerciseId}\u0000${row.attemptNumber}`;
  const byKey = new Map(created.map((row) => [key(row), row]));
  return rows.map((row) => {
    const stored = byKey.get(key(row));
    if (!stored) throw new Error("a batch-inserted submission was not returned");
    return stored;
  });
}

/**
 * Claims every claimable row among `ids` (queued, or running with a worker silent since before
 * `staleBefore`) with ONE conditional `UPDATE … RETURNING`: two workers racing for a row, exactly
 * one update matches it, as with claimSubmission. Returns the rows this call claimed.
 */
export async function claimSubmissions(
  ids: readonly string[],
  staleBefore: Date,
  db: DbClient = getDb(),
): Promise<ClaimedSubmission[]> {
  const rows = await db.submission.updateManyAndReturn({
    where: {
      id: { in: [...ids] },
      OR: [{ status: "queued" }, { status: "running", startedAt: { lt: staleBefore } }],
    },
    data: { status: "running", claimAttempt: { increment: 1 }, startedAt: new Date() },
  });
  const claimed: ClaimedSubmission[] = [];
  for (const row of rows) {
    const version = await findVersionWithKind(row.exerciseVersionId, db);
    if (version) claimed.push({ ...row, kind: version.kind, version: version.version });
    // else, as claimSubmission: a row without its version stays running for recovery to report.
  }
  return claimed;
}

/** Each verdict guarded by its claim, in order; returns which ones were stored. */
export async function storeGradedResults(
  items: readonly { id: string; claimAttempt: number; fields: GradedFields }[],
  tx: DbClient,
): Promise<boolean[]> {
  const stored: boolean[] = [];
  for (const item of items) stored.push(await storeGradedResult(item.id, item.claimAttempt, item.fields, tx));
  return stored;
}

/**
 * The BestScore rows of `keys`, created when missing, all written to (which locks them until the
 * transaction ends, as lockBestScore does for one key). On PostgreSQL two transactions creating
 * the same missing row: the second fails with a unique violation after the first commits.
 */
export async function lockBestScores(keys: readonly BestScoreKey[], tx: DbClient): Promise<void> {
  if (keys.length === 1) return lockBestScore(keys[0], tx); // one upsert instead of two or three queries
  const where = { OR: keys.map((key) => ({ ...key })) };
  await tx.bestScore.updateMany({ where, data: { updatedAt: new Date() } });
  const existing = await tx.bestScore.findMany({ where, select: { classId: true, userId: true, exerciseId: true } });
  const have = new Set(existing.map(keyString));
  const missing = keys.filter((key) => !have.has(keyString(key)));
  if (missing.length > 0) await tx.bestScore.createMany({ data: missing.map((key) => ({ ...key })) });
}

/**
 * Whether lockBestScores must run before the read. On SQLite it need not: a transaction that has
 * written (the verdict comes first) holds the database's only write lock until it ends, so no
 * other verdict can commit between its read and its write.
 */
export function bestScoresNeedLock(): boolean {
  return getDbProvider() !== "sqlite";
}

/** Writes each key's BestScore row, creating it when missing. */
export async function writeBestScores(
  rows: readonly { key: BestScoreKey; fields: BestScoreFields }[],
  tx: DbClient,
): Promise<void> {
  for (const { key, fields } of rows)
    await tx.bestScore.upsert({
      where: { classId_userId_exerciseId: key },
      create: { ...key, ...fields },
      update: fields,
    });
}

/** The graded submissions of every key in one read (the input of the best-score rule). */
export async function listGradedScoresOf(
  keys: readonly BestScoreKey[],
  db: DbClient = getDb(),
): Promise<Map<string, GradedScoreRow[]>> {
  const rows = await db.submission.findMany({
    where: { OR: keys.map((key) => ({ ...key })), status: { in: GRADED_STATUSES } },
    select: { id: true, score: true, passed: true, gradedAt: true, classId: true, userId: true, exerciseId: true },
  });
  const byKey = new Map<string, GradedScoreRow[]>(keys.map((key) => [keyString(key), []]));
  for (const { classId, userId, exerciseId, ...row } of rows)
    byKey.get(keyString({ classId, userId, exerciseId }))?.push(row);
  return byKey;
}

export function keyString(key: BestScoreKey): string {
  return `${key.classId}\u0000${key.userId}\u0000${key.exerciseId}`;
}
