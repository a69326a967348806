import { Prisma } from "@/generated/prisma-sqlite/client";
import { getDb, type DbClient } from "./get-db";
import { networkJson, type ExerciseKind, type ExerciseVersionRecord, type NewExerciseVersion } from "./exercises";

/** How many submissions were graded (or queued) against one exercise version. */
export async function countVersionSubmissions(exerciseVersionId: string, db: DbClient = getDb()): Promise<number> {
  return db.submission.count({ where: { exerciseVersionId } });
}

export async function countExerciseSubmissions(exerciseId: string, db: DbClient = getDb()): Promise<number> {
  return db.submission.count({ where: { exerciseId } });
}

/**
 * Rewrites a version in place. Only for a version no student has seen (a draft without
 * submissions): graded submissions rely on their version never changing.
 */
export async function overwriteExerciseVersion(
  versionId: string,
  content: NewExerciseVersion,
  db: DbClient = getDb(),
): Promise<ExerciseVersionRecord> {
  const { limits, forbiddenNotes, packageExtras, network, ...rest } = content;
  return db.exerciseVersion.update({
    where: { id: versionId },
    data: {
      ...rest,
      limits: jsonObject(limits),
      forbiddenNotes: forbiddenNotes ?? undefined,
      packageExtras: packageExtras ?? undefined,
      // null removes the network (the column's NULL); an absent one leaves the column as it is.
      network: network === null ? Prisma.DbNull : networkJson(network),
    },
  });
}

export async function updateExerciseKind(
  exerciseId: string,
  kind: ExerciseKind,
  db: DbClient = getDb(),
): Promise<void> {
  await db.exercise.update({ where: { id: exerciseId }, data: { kind } });
}

/** Slugs already used in a class (a new exercise picks the next free one). */
export async function listClassSlugs(classId: string, db: DbClient = getDb()): Promise<string[]> {
  const rows = await db.exercise.findMany({ where: { classId }, select: { slug: true } });
  return rows.map((row) => row.slug);
}

// Prisma's Json input type rejects `unknown`; limits are plain JSON objects validated by callers.
function jsonObject(value: unknown): object {
  return typeof value === "object" && value !== null ? value : {};
}
