import { getDb, type DbClient } from "./get-db";
import { rawParams, rawQuery, readValue as read } from "./raw-sql";
import { createBatcher, REQUEST_STREAM_LINGER } from "./submissions-batcher";
import { onExerciseChanged } from "./submissions-exercise-changes";
import type { ClassRecord } from "./classes";
import type { EnrollmentStatus } from "./enrollments";
import type { ExerciseWithVersion } from "./exercises";
import type { UserRecord, UserRole } from "./users";

/**
 * What every Run and Submit asks, in as few queries as a burst can afford (issue 9 point 6):
 * the exercise with its current version and its class — the same for every student of a burst,
 * so cached here for a few seconds — and, per request, the student with their enrollment and
 * last attempt number in one read.
 */
export interface SubmissionTarget extends ExerciseWithVersion {
  klass: ClassRecord;
}

export interface Submitter {
  user: UserRecord;
  enrollmentStatus: EnrollmentStatus | null;
  /** 0 before the first submission to this exercise. */
  lastAttemptNumber: number;
}

/**
 * 5 s: a published exercise changes rarely, and every change made through this process forgets
 * it at once (lib/db/exercises.ts: a status change or a new version, which is how a published
 * exercise's content or kind changes). Another node sees it within this time. Drafts are never
 * cached (their version is overwritten in place).
 */
const TTL_MS = 5_000;
const MAX_ENTRIES = 500;
const targets = new Map<string, { target: SubmissionTarget; expiresAt: number }>();
/**
 * A change is forgotten before its transaction commits; until any such transaction has ended
 * (with-transaction.ts: 15 s at most) the exercise is read fresh, never cached from the old rows.
 */
const UNCACHEABLE_AFTER_CHANGE_MS = 15_000;
const changedAt = new Map<string, number>();

export async function findSubmissionTarget(
  exerciseId: string,
  db: DbClient = getDb(),
): Promise<SubmissionTarget | null> {
  const cached = targets.get(exerciseId);
  if (cached && cached.expiresAt > Date.now()) return cached.target;
  targets.delete(exerciseId);
  const target = await readSubmissionTarget(exerciseId, db);
  const changed = Math.max(changedAt.get(exerciseId) ?? 0, changedAt.get("*") ?? 0);
  if (target && target.status !== "DRAFT" && Date.now() - changed > UNCACHEABLE_AFTER_CHANGE_MS) {
    if (targets.size >= MAX_ENTRIES) targets.delete(targets.keys().next().value ?? "");
    targets.set(exerciseId, { target, expiresAt: Date.now() + TTL_MS });
  }
  return target;
}

/** An exercise changed: the next submit reads it again. No id: forget everything. */
function forgetSubmissionTarget(exerciseId?: string): void {
  if (exerciseId === undefined) targets.clear();
  else targets.delete(exerciseId);
  if (changedAt.size >= MAX_ENTRIES) changedAt.clear();
  changedAt.set(exerciseId ?? "*", Date.now());
}

onExerciseChanged(forgetSubmissionTarget);

async function readSubmissionTarget(exerciseId: string, db: DbClient): Promise<SubmissionTarget | null> {
  // Versions only grow (a new version becomes current), so the newest is the current one; the
  // second read is a guard should that ever stop being true.
  const row = await db.exercise.findUnique({
    where: { id: exerciseId },
    include: { class: true, versions: { orderBy: { version: "desc" }, take: 1 } },
  });
  if (!row) return null;
  const { class: klass, versions, ...exercise } = row;
  const version =
    versions[0]?.version === exercise.currentVersion
      ? versions[0]
      : await db.exerciseVersion.findUnique({
          where: { exerciseId_version: { exerciseId, version: exercise.currentVersion } },
        });
  return version ? { ...exercise, version, klass } : null;
}

type SubmitterQuery = { userId: string; classId: string; exerciseId: string };

/**
 * The user as they are now, their enrollment in the class and their last attempt: one read, and
 * one for all the students of a burst submitting to the same exercise at the same time.
 */
export const findSubmitter: (query: SubmitterQuery) => Promise<Submitter | null> = createBatcher({
  linger: REQUEST_STREAM_LINGER,
  single: async (query) =>
    (await readSubmitters(query.classId, query.exerciseId, [query.userId])).get(query.userId) ?? null,
  many: async (queries) => {
    const found = new Map<string, Submitter>();
    const groups = new Map<string, SubmitterQuery[]>();
    for (const query of queries) {
      const key = `${query.classId}\u0000${query.exerciseId}`;
      groups.set(key, [...(groups.get(key) ?? []), query]);
    }
    for (const group of groups.values()) {
      const { classId, exerciseId } = group[0];
      const submitters = await readSubmitters(classId, exerciseId, [...new Set(group.map((q) => q.userId))]);
      for (const [userId, submitter] of submitters)
        found.set(`${classId}\u0000${exerciseId}\u0000${userId}`, submitter);
    }
    return queries.map((q) => found.get(`${q.classId}\u0000${q.exerciseId}\u0000${q.userId}`) ?? null);
  },
});

/** Raw SQL on the adapter (lib/db/request-reads-raw.ts): every submit of a burst asks it. */
async function readSubmitters(classId: string, exerciseId: string, userIds: string[]): Promise<Map<string, Submitter>> {
  const rows = await readSubmittersRaw(classId, exerciseId, userIds);
  return new Map(rows.map((submitter) => [submitter.user.id, submitter]));
}

/** Each user among `userIds`, their enrollment status in the class and their last attempt number on the exercise. */
async function readSubmittersRaw(
  classId: string,
  exerciseId: string,
  userIds: readonly string[],
): Promise<Submitter[]> {
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
