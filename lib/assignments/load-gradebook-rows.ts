import {
  listAssignmentSubmissions,
  listExtensions,
  listOverrides,
  type AssignmentWithExercises,
} from "@/lib/db/assignments";
import { listActiveRoster } from "@/lib/db/enrollments";
import { assignmentExercises } from "./assignment-view";
import { computeGradebook } from "./compute-gradebook";
import { gradebookPolicyOf } from "./assignment-window";
import type { GradebookRow } from "./gradebook.types";

/**
 * Every actively enrolled student's row (or just `onlyUserId`'s), including students with no
 * submission at all. Reads the database; the arithmetic is computeGradebook's.
 */
export async function loadGradebookRows(
  assignment: AssignmentWithExercises,
  onlyUserId?: string,
): Promise<GradebookRow[]> {
  const [roster, submissions, overrides, extensions] = await Promise.all([
    listActiveRoster(assignment.classId),
    listAssignmentSubmissions(assignment.id, onlyUserId),
    listOverrides(assignment.id),
    listExtensions(assignment.id),
  ]);
  const students = roster
    .filter((row) => !onlyUserId || row.id === onlyUserId)
    .map((row) => ({ userId: row.id, name: row.name, email: row.email }));
  return computeGradebook({
    window: gradebookPolicyOf(assignment),
    exercises: assignmentExercises(assignment),
    students,
    submissions: submissions.map((s) => ({ ...s, submittedAt: s.queuedAt })),
    overrides,
    extensions,
  });
}
