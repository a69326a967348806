import { parseInput } from "@/lib/config/parse-input";
import { findClassTimeZone } from "@/lib/db/assignments";
import { assignmentRefInput, type AssignmentRefInput } from "./assignment-inputs.types";
import { toAssignmentView, type AssignmentView, type StudentAssignmentView } from "./assignment-view";
import { requireAssignmentAccess } from "./require-assignment-access";
import { studentProgress } from "./student-progress";

export type AssignmentDetail = (AssignmentView & { canManage: true }) | (StudentAssignmentView & { canManage: false });

/** One assignment: the owner's full view, or a student's (published only) with their progress. */
export async function getAssignment(input: AssignmentRefInput): Promise<AssignmentDetail> {
  const { userId, assignmentId } = parseInput(assignmentRefInput, input);
  const { assignment, canManage } = await requireAssignmentAccess({ userId, assignmentId, action: "class.view" });
  const view = toAssignmentView(assignment, await findClassTimeZone(assignment.classId));
  if (canManage) return { ...view, canManage: true };
  return { ...view, canManage: false, progress: await studentProgress(assignment, userId) };
}
