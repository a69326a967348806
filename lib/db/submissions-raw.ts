import type { BestScoreFields, BestScoreKey, GradedScoreRow } from "./best-scores";
import { newId } from "./new-id";
import { rawExecute, rawParams, rawQuery, readValue as read, type RawQueryable } from "./raw-sql";
import { SUBMISSION_RECORD_COLUMNS, toSubmissionRecord } from "./submission-rows";
import type { GradedFields, NewSubmission, SubmissionRecord } from "./submission-record";

/**
 * The grading burst's statements as raw SQL on the driver adapter (see lib/db/raw-sql.ts for why):
 * the same SQL on SQLite and PostgreSQL (both have RETURNING and ON CONFLICT … DO UPDATE), the
 * same guards as the Prisma versions they replace, and every column Prisma fills itself
 * (`@default(cuid())`, `@default(now())`, `@updatedAt`) written explicitly.
 */

/** Inserts queued submissions in one statement; returns the rows in the order given. */
export async function insertSubmissionsRaw(
  rows: readonly (NewSubmission & { attemptNumber: number })[],
  db?: RawQueryable,
): Promise<SubmissionRecord[]> {
  const p = rawParams();
  const now = new Date();
  const values = rows.map((row) => {
    const cells = [
      p.add(newId()),
      p.add(row.exerciseId),
      p.add(row.exerciseVersionId),
      p.add(row.userId),
      p.add(row.classId),
      p.add(row.assignmentId ?? null, "string"),
      p.add(row.liveRoundId ?? null, "string"),
      p.add(row.code),
      p.add("queued"),
      p.add(row.attemptNumber, "int"),
      p.add(now),
      p.add(now),
      p.add(now),
    ];
    return `(${cells.join(", ")})`;
  });
  const inserted = await rawQuery(
    `INSERT INTO "Submission" ("id", "exerciseId", "exerciseVersionId", "userId", "classId", "assignmentId", ` +
      `"liveRoundId", "code", "status", "attemptNumber", "queuedAt", "createdAt", "updatedAt") ` +
      `VALUES ${values.join(", ")} RETURNING ${SUBMISSION_RECORD_COLUMNS}`,
    p,
    db,
  );
  const byKey = new Map(inserted.map(toSubmissionRecord).map((row) => [attemptKey(row), row]));
  return rows.map((row) => {
    const stored = byKey.get(attemptKey(row));
    if (!stored) throw new Error("an inserted submission was not returned");
    return stored;
  });
}

function attemptKey(row: { userId: string; exerciseId: string; attemptNumber: number }): string {
  return `${row.userId}\u0000${row.exerciseId}\u0000${row.attemptNumber}`;
}

/**
 * Claims every claimable row among `ids` (queued, or running with a worker silent since before
 * `staleBefore`) in ONE conditional `UPDATE … RETURNING`: of two workers racing for a row,
 * exactly one update matches it.
 */
export async function claimSubmissionsRaw(
  ids: readonly string[],
  staleBefore: Date,
  db?: RawQueryable,
): Promise<SubmissionRecord[]> {
  if (ids.length === 0) return [];
  const p = rawParams();
  const now = new Date();
  const sql =
    `UPDATE "Submission" SET "status" = 'running', "claimAttempt" = "claimAttempt" + 1, ` +
    `"startedAt" = ${p.add(now)}, "updatedAt" = ${p.add(now)} ` +
    `WHERE "id" IN ${p.list(ids)} AND ("status" = 'queued' OR ("status" = 'running' AND "startedAt" < ${p.add(staleBefore)})) ` +
    `RETURNING ${SUBMISSION_RECORD_COLUMNS}`;
  return (await rawQuery(sql, p, db)).map(toSubmissionRecord);
}

/**
 * Stores a verdict only if the row is still running under the claim `claimAttempt` (as
 * storeGradedResult). A null trace or first divergence leaves the column as it was, as Prisma's
 * `undefined` did. Returns whether this call stored it.
 */
export async function storeGradedResultRaw(
  item: { id: string; claimAttempt: number; fields: GradedFields },
  db?: RawQueryable,
): Promise<boolean> {
  const { fields } = item;
  const p = rawParams();
  const now = new Date();
  const sets = [
    `"status" = ${p.add(fields.status)}`,
    `"passed" = ${p.add(fields.passed)}`,
    `"score" = ${p.add(fields.score, "float")}`,
    `"verdict" = ${p.json(fields.verdict)}`,
    `"tamperReason" = ${p.add(fields.tamperReason, "string")}`,
    `"failingSeed" = ${p.add(fields.failingSeed, "int")}`,
    `"runMs" = ${p.add(fields.runMs, "int")}`,
    `"infraError" = NULL`,
    `"gradedAt" = ${p.add(now)}`,
    `"updatedAt" = ${p.add(now)}`,
  ];
  if (fields.trace !== null) sets.push(`"trace" = ${p.json(fields.trace)}`);
  if (fields.firstDivergence !== null) sets.push(`"firstDivergence" = ${p.json(fields.firstDivergence)}`);
  const sql =
    `UPDATE "Submission" SET ${sets.join(", ")} ` +
    `WHERE "id" = ${p.add(item.id)} AND "claimAttempt" = ${p.add(item.claimAttempt, "int")} AND "status" = 'running'`;
  return (await rawExecute(sql, p, db)) === 1;
}

/** The graded (passed or failed) submissions of every key, in one read. */
export async function listGradedScoresRaw(
  keys: readonly BestScoreKey[],
  db?: RawQueryable,
): Promise<(GradedScoreRow & BestScoreKey)[]> {
  if (keys.length === 0) return [];
  const p = rawParams();
  const match = keys
    .map(
      (key) =>
        `("classId" = ${p.add(key.classId)} AND "userId" = ${p.add(key.userId)} AND "exerciseId" = ${p.add(key.exerciseId)})`,
    )
    .join(" OR ");
  const rows = await rawQuery(
    `SELECT "id", "score", "passed", "gradedAt", "classId", "userId", "exerciseId" FROM "Submission" ` +
      `WHERE "status" IN ('passed', 'failed') AND (${match})`,
    p,
    db,
  );
  return rows.map((row) => ({
    id: read.string(row.id),
    score: read.numberOrNull(row.score),
    passed: read.booleanOrNull(row.passed),
    gradedAt: read.dateOrNull(row.gradedAt),
    classId: read.string(row.classId),
    userId: read.string(row.userId),
    exerciseId: read.string(row.exerciseId),
  }));
}

/**
 * Writes each key's BestScore row, creating it when missing, in one `INSERT … ON CONFLICT DO
 * UPDATE`. With `fields` null it only touches `updatedAt`: in a transaction that locks the rows
 * until it ends (PostgreSQL; a concurrent insert of the same key waits instead of failing).
 * Keys must be distinct (PostgreSQL refuses to update one row twice in a statement).
 */
export async function upsertBestScoresRaw(
  rows: readonly { key: BestScoreKey; fields: BestScoreFields | null }[],
  db?: RawQueryable,
): Promise<void> {
  if (rows.length === 0) return;
  const p = rawParams();
  const now = new Date();
  const withFields = rows[0].fields !== null;
  const values = rows.map(({ key, fields }) => {
    const cells = [p.add(newId()), p.add(key.classId), p.add(key.userId), p.add(key.exerciseId)];
    if (fields) {
      cells.push(
        p.add(fields.bestScore, "float"),
        p.add(fields.passedAt, "datetime"),
        p.add(fields.attempts, "int"),
        p.add(fields.bestSubmissionId, "string"),
        p.add(fields.bestAt, "datetime"),
      );
    }
    cells.push(p.add(now), p.add(now));
    return `(${cells.join(", ")})`;
  });
  const fieldColumns = ["bestScore", "passedAt", "attempts", "bestSubmissionId", "bestAt"];
  const columns = [
    "id",
    "classId",
    "userId",
    "exerciseId",
    ...(withFields ? fieldColumns : []),
    "createdAt",
    "updatedAt",
  ];
  const updates = [...(withFields ? fieldColumns : []), "updatedAt"].map((c) => `"${c}" = excluded."${c}"`);
  await rawExecute(
    `INSERT INTO "BestScore" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${values.join(", ")} ` +
      `ON CONFLICT ("classId", "userId", "exerciseId") DO UPDATE SET ${updates.join(", ")}`,
    p,
    db,
  );
}
