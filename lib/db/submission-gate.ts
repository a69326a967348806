import { getDb, type DbClient } from "./get-db";
import type { ClassRecord } from "./classes";
import type { EnrollmentStatus } from "./enrollments";
import type { ExerciseWithVersion } from "./exercises";
import type { UserRecord } from "./users";

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
 * it at once (lib/db/exercises.ts). Another node sees a status change or a new version within
 * this time; drafts are never cached (their version may be overwritten in place).
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

/** An exercise (or its class) changed: the next submit reads it again. No id: forget everything. */
export function forgetSubmissionTarget(exerciseId?: string): void {
  if (exerciseId === undefined) targets.clear();
  else targets.delete(exerciseId);
  if (changedAt.size >= MAX_ENTRIES) changedAt.clear();
  changedAt.set(exerciseId ?? "*", Date.now());
}

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

/** The user as they are now, their enrollment in the class and their last attempt: one read. */
export async function findSubmitter(
  options: { userId: string; classId: string; exerciseId: string },
  db: DbClient = getDb(),
): Promise<Submitter | null> {
  const row = await db.user.findUnique({
    where: { id: options.userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      isAdmin: true,
      locale: true,
      createdAt: true,
      enrollments: { where: { classId: options.classId }, select: { status: true } },
      submissions: {
        where: { exerciseId: options.exerciseId },
        orderBy: { attemptNumber: "desc" },
        take: 1,
        select: { attemptNumber: true },
      },
    },
  });
  if (!row) return null;
  const { enrollments, submissions, ...user } = row;
  return {
    user,
    enrollmentStatus: enrollments[0]?.status ?? null,
    lastAttemptNumber: submissions[0]?.attemptNumber ?? 0,
  };
}
