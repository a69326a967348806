import { can } from "@/lib/auth/policy";
import { requireClassAccess } from "@/lib/auth/require-class-access";
import { parseInput } from "@/lib/config/parse-input";
import { findClassTimeZone, listClassAssignments } from "@/lib/db/assignments";
import { classRefInput, type ClassRefInput } from "./assignment-inputs.types";
import { toAssignmentView, type AssignmentView, type StudentAssignmentView } from "./assignment-view";
import { studentProgress } from "./student-progress";

export type AssignmentList =
  | { canManage: true; timeZone: string | null; assignments: AssignmentView[] }
  | { canManage: false; timeZone: string | null; assignments: StudentAssignmentView[] };

/** The instructor sees every assignment; a student the published ones with their own progress. */
export async function listAssignments(input: ClassRefInput): Promise<AssignmentList> {
  const { userId, classId } = parseInput(classRefInput, input);
  const { actor, context } = await requireClassAccess({ userId, classId, action: "class.view" });
  const canManage = can(actor, "exercise.manage", context).allowed;
  const [rows, timeZone] = await Promise.all([
    listClassAssignments(classId, { publishedOnly: !canManage }),
    findClassTimeZone(classId),
  ]);
  if (canManage) return { canManage, timeZone, assignments: rows.map((row) => toAssignmentView(row, timeZone)) };
  const assignments = await Promise.all(
    rows.map(async (row) => ({ ...toAssignmentView(row, timeZone), progress: await studentProgress(row, userId) })),
  );
  return { canManage, timeZone, assignments };
}
