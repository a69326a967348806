import { parseInput } from "@/lib/config/parse-input";
import {
  findClassTimeZone,
  updateAssignment as updateAssignmentRow,
  type AssignmentFields,
} from "@/lib/db/assignments";
import { updateAssignmentInput, type UpdateAssignmentInput } from "./assignment-inputs.types";
import { toAssignmentView, type AssignmentView } from "./assignment-view";
import { requireAssignmentAccess } from "./require-assignment-access";
import { checkClassExercises, checkWindowOrder, lateColumns, readTime } from "./resolve-assignment-fields";

/** The owner changes any field; `exercises`, when given, replaces the whole list. */
export async function updateAssignment(input: UpdateAssignmentInput): Promise<AssignmentView> {
  const data = parseInput(updateAssignmentInput, input);
  const { assignment } = await requireAssignmentAccess({
    userId: data.userId,
    assignmentId: data.assignmentId,
    action: "exercise.manage",
  });
  const timeZone = await findClassTimeZone(assignment.classId);
  const zone = timeZone ?? "UTC";
  const fields: Partial<AssignmentFields> = {};
  if (data.title !== undefined) fields.title = data.title;
  if (data.dueAt !== undefined) fields.dueAt = readTime("dueAt", data.dueAt, zone);
  if (data.opensAt !== undefined)
    fields.opensAt = data.opensAt === null ? null : readTime("opensAt", data.opensAt, zone);
  if (data.latePolicy !== undefined) Object.assign(fields, lateColumns(data.latePolicy));
  if (data.attemptsLimit !== undefined) fields.attemptsLimit = data.attemptsLimit;
  if (data.scorePolicy !== undefined) fields.scorePolicy = data.scorePolicy === "last" ? "LAST" : "BEST";
  if (data.published !== undefined) fields.published = data.published;
  checkWindowOrder(
    fields.opensAt === undefined ? assignment.opensAt : fields.opensAt,
    fields.dueAt ?? assignment.dueAt,
  );
  if (data.exercises) await checkClassExercises(assignment.classId, data.exercises);
  return toAssignmentView(await updateAssignmentRow(assignment.id, fields, data.exercises), timeZone);
}
