import { parseInput } from "@/lib/config/parse-input";
import { deleteAssignment as deleteAssignmentRow } from "@/lib/db/assignments";
import { assignmentRefInput, type AssignmentRefInput } from "./assignment-inputs.types";
import { requireAssignmentAccess } from "./require-assignment-access";

/**
 * The owner deletes an assignment with its extensions, overrides and trail. Submissions stay (they
 * are the students' work and still count on the leaderboard); they only lose the link.
 */
export async function deleteAssignment(input: AssignmentRefInput): Promise<void> {
  const { userId, assignmentId } = parseInput(assignmentRefInput, input);
  const { assignment } = await requireAssignmentAccess({ userId, assignmentId, action: "exercise.manage" });
  await deleteAssignmentRow(assignment.id);
}
