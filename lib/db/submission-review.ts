import { getDb, type DbClient } from "./get-db";
import { isRecordNotFound } from "./prisma-errors";

export interface ReviewedFields {
  passed: boolean;
  score: number;
  verdict: object;
}

/**
 * The instructor's decision on a needs_review submission: it becomes passed or failed with the decided score
 * (the caller refreshes the student's BestScore in the same transaction `tx`). Returns null when the
 * submission was no longer waiting for review (decided twice, or regraded meanwhile).
 */
export async function storeReviewDecision(
  id: string,
  fields: ReviewedFields,
  tx: DbClient,
): Promise<{ classId: string; userId: string; exerciseId: string; gradedAt: Date } | null> {
  const row = await tx.submission
    .update({
      where: { id, status: "needs_review" },
      data: {
        status: fields.passed ? "passed" : "failed",
        passed: fields.passed,
        score: fields.score,
        verdict: fields.verdict,
      },
      select: { classId: true, userId: true, exerciseId: true, gradedAt: true },
    })
    .catch((error: unknown) => {
      if (isRecordNotFound(error)) return null;
      throw error;
    });
  if (!row) return null;
  return { ...row, gradedAt: row.gradedAt ?? new Date() };
}

export async function findSubmissionForReview(id: string, db: DbClient = getDb()) {
  return db.submission.findUnique({
    where: { id },
    select: { id: true, classId: true, userId: true, exerciseId: true, status: true, verdict: true },
  });
}
