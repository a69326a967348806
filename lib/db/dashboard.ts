import { getDb, type DbClient } from "./get-db";
import type { SubmissionStatus } from "@/generated/prisma-sqlite/enums";

export interface DashboardSubmissionRow {
  id: string;
  exerciseId: string;
  userId: string;
  status: SubmissionStatus;
  passed: boolean | null;
  score: number | null;
  attemptNumber: number;
  gradedAt: Date | null;
  queuedAt: Date;
  firstDivergence: unknown;
}

/**
 * Every submission of a class without code, trace or verdict (the heavy columns): a class of 40
 * with 20 exercises and a dozen attempts each is a few thousand small rows.
 */
export async function listClassSubmissionRows(
  classId: string,
  db: DbClient = getDb(),
): Promise<DashboardSubmissionRow[]> {
  return db.submission.findMany({
    where: { classId },
    orderBy: { queuedAt: "asc" },
    select: {
      id: true,
      exerciseId: true,
      userId: true,
      status: true,
      passed: true,
      score: true,
      attemptNumber: true,
      gradedAt: true,
      queuedAt: true,
      firstDivergence: true,
    },
  });
}

export interface ReviewRow {
  id: string;
  exerciseId: string;
  userId: string;
  code: string;
  tamperReason: string | null;
  gradedAt: Date | null;
  attemptNumber: number;
}

export async function listSubmissionsNeedingReview(classId: string, db: DbClient = getDb()): Promise<ReviewRow[]> {
  return db.submission.findMany({
    where: { classId, status: "needs_review" },
    orderBy: { gradedAt: "asc" },
    take: 50,
    select: {
      id: true,
      exerciseId: true,
      userId: true,
      code: true,
      tamperReason: true,
      gradedAt: true,
      attemptNumber: true,
    },
  });
}

/** The stored traces of a few submissions (the wrong-answer examples shown on the projector). */
export async function findSubmissionTraces(ids: string[], db: DbClient = getDb()): Promise<Map<string, unknown>> {
  if (ids.length === 0) return new Map();
  const rows = await db.submission.findMany({ where: { id: { in: ids } }, select: { id: true, trace: true } });
  return new Map(rows.map((row) => [row.id, row.trace]));
}

/** Names of everyone who ever submitted in the class (removed students keep their submissions). */
export async function findUserNames(ids: string[], db: DbClient = getDb()): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(rows.map((row) => [row.id, row.name]));
}
