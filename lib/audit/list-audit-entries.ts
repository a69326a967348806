import { requireClassAccess } from "@/lib/auth/require-class-access";
import { loadActor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors/app-error";
import { listAuditEntries as queryAuditEntries } from "@/lib/db/audit-entries";

export interface AuditEntryView {
  id: string;
  actorId: string;
  actorName: string;
  action: string;
  classId: string | null;
  target: string | null;
  details: unknown;
  at: string;
}

/**
 * The audit log of one class (its instructor or an admin), or of everything (admins only),
 * newest first.
 */
export async function listAuditEntries(options: {
  userId: string;
  classId?: string;
  limit?: number;
}): Promise<AuditEntryView[]> {
  if (options.classId)
    await requireClassAccess({ userId: options.userId, classId: options.classId, action: "class.manage" });
  else if (!(await loadActor(options.userId)).isAdmin)
    throw new AppError("FORBIDDEN", "Only administrators can read the whole audit log.", { key: "admin.auditOnly" });
  const rows = await queryAuditEntries({
    classId: options.classId,
    limit: Math.min(500, Math.max(1, options.limit ?? 100)),
  });
  return rows.map((row) => ({
    id: row.id,
    actorId: row.userId,
    actorName: row.userName,
    action: row.action,
    classId: row.classId,
    target: row.target,
    details: row.details,
    at: row.createdAt.toISOString(),
  }));
}
