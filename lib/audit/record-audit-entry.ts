import { insertAuditEntry } from "@/lib/db/audit-entries";
import type { DbClient } from "@/lib/db/get-db";
import { getLogger } from "@/lib/observability/logger";

export interface RecordAuditEntryInput {
  /** Who acted (the instructor or admin). */
  userId: string;
  /** `domain.verb`: "class.student.remove", "class.code.rotate", "exercise.publish", "exercise.regrade", … */
  action: string;
  classId?: string;
  /** What it was about: a student id, an exercise id. */
  target?: string;
  details?: Record<string, unknown>;
}

/**
 * Records an instructor action in the audit log (and the structured log). Use cases call it after
 * the action committed — or inside their transaction by passing `db` — never app/. The audit log
 * is the record of who did what to whose work.
 */
export async function recordAuditEntry(input: RecordAuditEntryInput, db?: DbClient): Promise<void> {
  await insertAuditEntry(input, db);
  getLogger("audit").info(
    { userId: input.userId, action: input.action, classId: input.classId, target: input.target },
    "audit",
  );
}
