import type { AssignmentWithExercises } from "@/lib/db/assignments";
import type { StudentProgress } from "./assignment-view";
import { loadGradebookRows } from "./load-gradebook-rows";

/** One student's own standing; the assignment's due time when they are not on the roster. */
export async function studentProgress(assignment: AssignmentWithExercises, userId: string): Promise<StudentProgress> {
  const [row] = await loadGradebookRows(assignment, userId);
  return {
    dueAt: row?.extendedDueAt ?? assignment.dueAt.toISOString(),
    extended: Boolean(row?.extendedDueAt),
    attemptsLimit: assignment.attemptsLimit,
    cells: (row?.cells ?? []).map((cell) => ({
      exerciseId: cell.exerciseId,
      status: cell.status,
      points: cell.points,
      pointsPossible: cell.pointsPossible,
      attempts: cell.attempts,
      lateDays: cell.lateDays,
    })),
    total: row?.total ?? 0,
    percent: row?.percent ?? 0,
  };
}
