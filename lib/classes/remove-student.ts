import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/config/parse-input";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { requireClassAccess } from "@/lib/auth/require-class-access";
import { countActiveStudents, markEnrollmentRemoved } from "@/lib/db/enrollments";
import { withTransaction } from "@/lib/db/with-transaction";
import { publishRosterChanged, type RosterEventDeps } from "@/lib/realtime/publish-roster-changed";
import { removeStudentInput, type RemoveStudentInput } from "./remove-student.types";

export interface RemoveStudentResult {
  classId: string;
  studentId: string;
  /** Active students left, for the live roster update. */
  studentCount: number;
}

/**
 * The instructor removes a student: the enrollment is kept as REMOVED (their submissions stay for
 * the gradebook) and the same join code no longer lets them back in. Once committed, the class
 * room hears `roster:changed` and the student's sockets leave it.
 */
export async function removeStudent(
  input: RemoveStudentInput,
  events: RosterEventDeps = {},
): Promise<RemoveStudentResult> {
  const { userId, classId, studentId } = parseInput(removeStudentInput, input);
  await requireClassAccess({ userId, classId, action: "class.manage" });
  const studentCount = await withTransaction(async (tx) => {
    const removed = await markEnrollmentRemoved(classId, studentId, tx);
    if (!removed)
      throw new AppError("NOT_FOUND", "That student is not in this class.", { key: "class.studentNotInClass" });
    await recordAuditEntry({ userId, action: "class.student.remove", classId, target: studentId }, tx);
    return countActiveStudents(classId, tx);
  });
  publishRosterChanged({ classId, change: "removed", studentId, studentCount }, events);
  return { classId, studentId, studentCount };
}
