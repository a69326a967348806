import type { BestScoreFields, BestScoreKey, GradedScoreRow } from "./best-scores";
import { getDbProvider } from "./get-db";
import type { RawQueryable } from "./raw-sql";
import {
  claimSubmissionsRaw,
  insertSubmissionsRaw,
  listGradedScoresRaw,
  storeGradedResultRaw,
  upsertBestScoresRaw,
} from "./submissions-raw";
import { findVersionWithKind, type ClaimedSubmission } from "./submissions";
import type { GradedFields, NewSubmission, SubmissionRecord } from "./submission-record";

/**
 * The grading hot path in batches (lib/grading/create-group-commit.ts): a burst claims and stores
 * many rows at once. Raw SQL on the driver adapter (lib/db/submissions-raw.ts): Prisma's cost is
 * ≈ 1 ms of CPU per call, whatever the rows. Same guards as the single-row functions in
 * submissions.ts.
 */

/**
 * Inserts queued submissions with the attempt numbers given, in one statement; a clash on the
 * (user, exercise, attempt) unique index fails the whole insert (isUniqueViolation), nothing is
 * stored. Returns the rows in the order given.
 */
export async function insertQueuedSubmissions(
  rows: readonly (NewSubmission & { attemptNumber: number })[],
): Promise<SubmissionRecord[]> {
  return insertSubmissionsRaw(rows);
}

/**
 * Claims every claimable row among `ids` (queued, or running with a worker silent since before
 * `staleBefore`) with ONE conditional `UPDATE … RETURNING`: two workers racing for a row, exactly
 * one update matches it, as with claimSubmission. Returns the rows this call claimed.
 */
export async function claimSubmissions(ids: readonly string[], staleBefore: Date): Promise<ClaimedSubmission[]> {
  const rows = await claimSubmissionsRaw(ids, staleBefore);
  const claimed: ClaimedSubmission[] = [];
  for (const row of rows) {
    const version = await findVersionWithKind(row.exerciseVersionId);
    if (version) claimed.push({ ...row, kind: version.kind, version: version.version });
    // else, as claimSubmission: a row without its version stays running for recovery to report.
  }
  return claimed;
}

/** Each verdict guarded by its claim, in order (in a rawTransaction); returns which ones were stored. */
export async function storeGradedResults(
  items: readonly { id: string; claimAttempt: number; fields: GradedFields }[],
  tx: RawQueryable,
): Promise<boolean[]> {
  const stored: boolean[] = [];
  for (const item of items) stored.push(await storeGradedResultRaw(item, tx));
  return stored;
}

/**
 * The BestScore rows of `keys`, created when missing, all written to (which locks them until the
 * transaction ends): one `INSERT … ON CONFLICT DO UPDATE`. On PostgreSQL a transaction creating
 * the same missing row waits for this one instead of failing.
 */
export async function lockBestScores(keys: readonly BestScoreKey[], tx: RawQueryable): Promise<void> {
  await upsertBestScoresRaw(
    keys.map((key) => ({ key, fields: null })),
    tx,
  );
}

/**
 * Whether lockBestScores must run before the read. On SQLite it need not: a transaction that has
 * written (the verdict comes first) holds the database's only write lock until it ends, so no
 * other verdict can commit between its read and its write.
 */
export function bestScoresNeedLock(): boolean {
  return getDbProvider() !== "sqlite";
}

/** Writes each key's BestScore row, creating it when missing: one statement for all. */
export async function writeBestScores(
  rows: readonly { key: BestScoreKey; fields: BestScoreFields }[],
  tx: RawQueryable,
): Promise<void> {
  await upsertBestScoresRaw(rows, tx);
}

/** The graded submissions of every key in one read (the input of the best-score rule). */
export async function listGradedScoresOf(
  keys: readonly BestScoreKey[],
  tx: RawQueryable,
): Promise<Map<string, GradedScoreRow[]>> {
  const rows = await listGradedScoresRaw(keys, tx);
  const byKey = new Map<string, GradedScoreRow[]>(keys.map((key) => [keyString(key), []]));
  for (const { classId, userId, exerciseId, ...row } of rows)
    byKey.get(keyString({ classId, userId, exerciseId }))?.push(row);
  return byKey;
}

export function keyString(key: BestScoreKey): string {
  return `${key.classId}\u0000${key.userId}\u0000${key.exerciseId}`;
}
