import type { Prisma } from "@/generated/prisma-sqlite/client";
import { getDb, type DbClient } from "./get-db";

export interface AuditEntryRecord {
  id: string;
  userId: string;
  action: string;
  classId: string | null;
  target: string | null;
  details: unknown;
  createdAt: Date;
}

export interface NewAuditEntry {
  userId: string;
  action: string;
  classId?: string | null;
  target?: string | null;
  details?: Record<string, unknown> | null;
}

export async function insertAuditEntry(entry: NewAuditEntry, db: DbClient = getDb()): Promise<AuditEntryRecord> {
  return db.auditEntry.create({
    data: {
      userId: entry.userId,
      action: entry.action,
      classId: entry.classId ?? null,
      target: entry.target ?? null,
      details: (entry.details ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
}

/** Newest first. */
export async function listAuditEntries(
  filter: { classId?: string; limit: number },
  db: DbClient = getDb(),
): Promise<(AuditEntryRecord & { userName: string })[]> {
  const rows = await db.auditEntry.findMany({
    where: filter.classId ? { classId: filter.classId } : {},
    orderBy: { createdAt: "desc" },
    take: filter.limit,
    include: { user: { select: { name: true } } },
  });
  return rows.map(({ user, ...row }) => ({ ...row, userName: user.name }));
}
