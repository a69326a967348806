import { getDb, type DbClient } from "./get-db";

/** Graded attempts (the vocabulary is lib/grading/submission-status.ts): what BestScore counts. */
export const GRADED_STATUSES: ("passed" | "failed")[] = ["passed", "failed"];

/** The BestScore row of one student on one exercise of one class. */
export type BestScoreKey = { classId: string; userId: string; exerciseId: string };

export interface GradedScoreRow {
  id: string;
  score: number | null;
  passed: boolean | null;
  gradedAt: Date | null;
}

export interface BestScoreFields {
  bestScore: number;
  bestSubmissionId: string | null;
  attempts: number;
  passedAt: Date | null;
  bestAt: Date | null;
}

/**
 * Creates the row if needed and writes to it, which locks it until the transaction ends: two
 * refreshes of one key then run one after another (see lib/leaderboard/refresh-best-score.ts).
 */
export async function lockBestScore(key: BestScoreKey, tx: DbClient): Promise<void> {
  await tx.bestScore.upsert({
    where: { classId_userId_exerciseId: key },
    create: { ...key },
    update: { updatedAt: new Date() },
  });
}

/** The student's graded submissions to the exercise (a handful): the input of the best-score rule. */
export async function listGradedScores(key: BestScoreKey, db: DbClient = getDb()): Promise<GradedScoreRow[]> {
  return db.submission.findMany({
    where: { ...key, status: { in: GRADED_STATUSES } },
    select: { id: true, score: true, passed: true, gradedAt: true },
  });
}

export async function updateBestScore(
  key: BestScoreKey,
  fields: BestScoreFields,
  db: DbClient = getDb(),
): Promise<void> {
  await db.bestScore.update({ where: { classId_userId_exerciseId: key }, data: fields });
}
