import { parseInput } from "@/lib/config/parse-input";
import { findClassTimeZone, writeExtension } from "@/lib/db/assignments";
import { listActiveRoster } from "@/lib/db/enrollments";
import { AppError } from "@/lib/errors/app-error";
import { setExtensionInput, type SetExtensionInput } from "./assignment-inputs.types";
import type { GradebookRow } from "./gradebook.types";
import { loadGradebookRows } from "./load-gradebook-rows";
import { requireAssignmentAccess } from "./require-assignment-access";
import { readTime } from "./resolve-assignment-fields";

/**
 * The owner gives one student a later due time (or removes it with `dueAt: null`); recorded in the
 * audit trail. Lateness is recomputed from it, so an extension granted afterwards forgives.
 */
export async function setExtension(input: SetExtensionInput): Promise<{ student: GradebookRow }> {
  const data = parseInput(setExtensionInput, input);
  const { assignment } = await requireAssignmentAccess({
    userId: data.userId,
    assignmentId: data.assignmentId,
    action: "assignment.export",
  });
  const dueAt =
    data.dueAt === null ? null : readTime("dueAt", data.dueAt, (await findClassTimeZone(assignment.classId)) ?? "UTC");
  if (dueAt && dueAt.getTime() <= assignment.dueAt.getTime()) {
    throw new AppError("BAD_REQUEST", "An extension must be later than the assignment's due time.", {
      key: "assignment.extensionBeforeDue",
      details: { dueAt: ["Not after the due time."] },
    });
  }
  const roster = await listActiveRoster(assignment.classId);
  if (!roster.some((row) => row.id === data.studentId))
    throw new AppError("NOT_FOUND", "Student not found in this class", { key: "class.studentNotFound" });
  await writeExtension({
    assignmentId: assignment.id,
    actorId: data.userId,
    userId: data.studentId,
    dueAt,
    reason: data.reason,
  });
  const [student] = await loadGradebookRows(assignment, data.studentId);
  return { student };
}
