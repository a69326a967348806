import { getDb, type DbClient } from "./get-db";

/**
 * Replaces the package extras (wrong solutions with their code, …) of one exercise version. Only
 * the export metadata changes: the columns grading reads (spec, schedules, limits) stay frozen.
 */
export async function updateVersionPackageExtras(
  versionId: string,
  packageExtras: object,
  db: DbClient = getDb(),
): Promise<void> {
  await db.exerciseVersion.update({ where: { id: versionId }, data: { packageExtras } });
}
