import { getDb, type DbClient } from "./get-db";
import { isRecordNotFound } from "./prisma-errors";
import { refreshBestScoreIn } from "./submissions";
import { withTransaction } from "./with-transaction";

export interface ReviewedFields {
  passed: boolean;
  score: number;
  verdict: object;
}

/**
 * The instructor's decision on a NEEDS_REVIEW submission: it becomes GRADED with the decided score,
 * and the student's BestScore follows in the same transaction. Returns false when the submission
 * was no longer waiting for review (decided twice, or regraded meanwhile).
 */
export async function storeReviewDecision(id: string, fields: ReviewedFields): Promise<{ classId: string; userId: string; exerciseId: string; gradedAt: Date } | null> {
  return withTransaction(async (tx) => {
    const row = await tx.submission
      .update({
        where: { id, status: "NEEDS_REVIEW" },
        data: { status: "GRADED", passed: fields.passed, score: fields.score, verdict: fields.verdict },
        select: { classId: true, userId: true, exerciseId: true, gradedAt: true },
      })
      .catch((error: unknown) => {
        if (isRecordNotFound(error)) return null;
        throw error;
      });
    if (!row) return null;
    await refreshBestScoreIn({ classId: row.classId, userId: row.userId, exerciseId: row.exerciseId }, tx);
    return { ...row, gradedAt: row.gradedAt ?? new Date() };
  });
}

export async function findSubmissionForReview(id: string, db: DbClient = getDb()) {
  return db.submission.findUnique({ where: { id }, select: { id: true, classId: true, userId: true, exerciseId: true, status: true, verdict: true } });
}
