import { parseInput } from "@/lib/config/parse-input";
import { listActiveRoster } from "@/lib/db/enrollments";
import { writeOverride } from "@/lib/db/assignments";
import { AppError } from "@/lib/errors/app-error";
import { setGradeOverrideInput, type SetGradeOverrideInput } from "./assignment-inputs.types";
import type { GradebookRow } from "./gradebook.types";
import { loadGradebookRows } from "./load-gradebook-rows";
import { requireAssignmentAccess } from "./require-assignment-access";

/**
 * The owner replaces one cell's points (or clears the override with `points: null`). The override
 * and its audit entry (who, when, old → new, why) are written in one transaction. Returns the
 * student's recomputed row.
 */
export async function setGradeOverride(input: SetGradeOverrideInput): Promise<{ student: GradebookRow }> {
  const data = parseInput(setGradeOverrideInput, input);
  const { assignment } = await requireAssignmentAccess({
    userId: data.userId,
    assignmentId: data.assignmentId,
    action: "assignment.export",
  });
  const exercise = assignment.exercises.find((e) => e.exerciseId === data.exerciseId);
  if (!exercise)
    throw new AppError("BAD_REQUEST", "That exercise is not part of this assignment.", {
      key: "assignment.exerciseNotIncluded",
      details: { exerciseId: ["Not in this assignment."] },
    });
  if (data.points !== null && data.points > exercise.points) {
    throw new AppError("BAD_REQUEST", `At most ${exercise.points} points for this exercise.`, {
      key: "assignment.pointsMax",
      params: { max: exercise.points },
      details: { points: [`At most ${exercise.points}.`] },
    });
  }
  const roster = await listActiveRoster(assignment.classId);
  if (!roster.some((row) => row.id === data.studentId))
    throw new AppError("NOT_FOUND", "Student not found in this class", { key: "class.studentNotFound" });
  await writeOverride({
    assignmentId: assignment.id,
    actorId: data.userId,
    userId: data.studentId,
    exerciseId: data.exerciseId,
    points: data.points,
    reason: data.reason,
  });
  const [student] = await loadGradebookRows(assignment, data.studentId);
  return { student };
}
