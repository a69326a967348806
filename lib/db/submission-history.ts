import { getDb, type DbClient } from "./get-db";
import type { SubmissionStatus } from "@/generated/prisma-sqlite/enums";

export interface SubmissionHistoryRow {
  id: string;
  attemptNumber: number;
  status: SubmissionStatus;
  passed: boolean | null;
  score: number | null;
  failingSeed: number | null;
  firstDivergence: unknown;
  queuedAt: Date;
  gradedAt: Date | null;
}

/** One student's submissions to one exercise, newest first (the (user, exercise, attempt) index). */
export async function listSubmissionHistory(
  where: { userId: string; exerciseId: string },
  limit: number,
  db: DbClient = getDb(),
): Promise<SubmissionHistoryRow[]> {
  return db.submission.findMany({
    where,
    orderBy: { attemptNumber: "desc" },
    take: limit,
    select: {
      id: true,
      attemptNumber: true,
      status: true,
      passed: true,
      score: true,
      failingSeed: true,
      firstDivergence: true,
      queuedAt: true,
      gradedAt: true,
    },
  });
}
