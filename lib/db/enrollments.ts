import { getDb, type DbClient } from "./get-db";

export type EnrollmentStatus = "ACTIVE" | "REMOVED";

export interface EnrollmentRecord {
  id: string;
  classId: string;
  userId: string;
  status: EnrollmentStatus;
  createdAt: Date;
  removedAt: Date | null;
}

/** Throws P2002 when the (class, user) row already exists: concurrent joins resolve to one row. */
export async function insertEnrollment(
  classId: string,
  userId: string,
  db: DbClient = getDb(),
): Promise<EnrollmentRecord> {
  return db.enrollment.create({ data: { classId, userId, status: "ACTIVE" } });
}

/** ACTIVE → REMOVED; returns false when there was no active enrollment to remove. */
export async function markEnrollmentRemoved(classId: string, userId: string, db: DbClient = getDb()): Promise<boolean> {
  const result = await db.enrollment.updateMany({
    where: { classId, userId, status: "ACTIVE" },
    data: { status: "REMOVED", removedAt: new Date() },
  });
  return result.count === 1;
}

export async function countActiveStudents(classId: string, db: DbClient = getDb()): Promise<number> {
  return db.enrollment.count({ where: { classId, status: "ACTIVE" } });
}

export interface RosterRow {
  id: string;
  name: string;
  email: string;
  joinedAt: Date;
}

/** Active students of a class, by name; `id` is the student's user id. */
export async function listActiveRoster(classId: string, db: DbClient = getDb()): Promise<RosterRow[]> {
  const rows = await db.enrollment.findMany({
    where: { classId, status: "ACTIVE" },
    select: { createdAt: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ user: { name: "asc" } }, { createdAt: "asc" }],
  });
  return rows.map((row) => ({ id: row.user.id, name: row.user.name, email: row.user.email, joinedAt: row.createdAt }));
}

/** Seed helper: makes the enrollment ACTIVE whatever its previous state. */
export async function upsertActiveEnrollment(classId: string, userId: string, db: DbClient = getDb()): Promise<void> {
  await db.enrollment.upsert({
    where: { classId_userId: { classId, userId } },
    create: { classId, userId, status: "ACTIVE" },
    update: { status: "ACTIVE", removedAt: null },
  });
}
