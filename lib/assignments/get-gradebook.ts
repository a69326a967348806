import { parseInput } from "@/lib/config/parse-input";
import { findClassTimeZone, listAuditEntries } from "@/lib/db/assignments";
import { assignmentRefInput, type AssignmentRefInput } from "./assignment-inputs.types";
import { toAssignmentView, type AssignmentView } from "./assignment-view";
import type { AuditEntryView, GradebookExercise, GradebookRow } from "./gradebook.types";
import { loadGradebookRows } from "./load-gradebook-rows";
import { requireAssignmentAccess } from "./require-assignment-access";

export interface GradebookView {
  assignment: AssignmentView;
  className: string;
  exercises: GradebookExercise[];
  pointsPossible: number;
  students: GradebookRow[];
  /** Overrides and extensions, newest first. */
  audit: AuditEntryView[];
}

/** The owner's gradebook: every enrolled student × the assignment's exercises, with the trail. */
export async function getGradebook(input: AssignmentRefInput): Promise<GradebookView> {
  const { userId, assignmentId } = parseInput(assignmentRefInput, input);
  const { assignment, klass } = await requireAssignmentAccess({ userId, assignmentId, action: "assignment.export" });
  const [timeZone, students, audit] = await Promise.all([
    findClassTimeZone(assignment.classId),
    loadGradebookRows(assignment),
    listAuditEntries(assignment.id),
  ]);
  const view = toAssignmentView(assignment, timeZone);
  const nameOf = new Map(students.map((row) => [row.userId, row.name]));
  return {
    assignment: view,
    className: klass.name,
    exercises: view.exercises,
    pointsPossible: view.pointsPossible,
    students,
    audit: audit.map((entry) => ({
      id: entry.id,
      action: entry.action,
      actorName: entry.actorName,
      userId: entry.userId,
      studentName: nameOf.get(entry.userId) ?? "",
      exerciseId: entry.exerciseId,
      oldValue: entry.oldValue,
      newValue: entry.newValue,
      reason: entry.reason,
      at: entry.createdAt.toISOString(),
    })),
  };
}
