import { parseInput } from "@/lib/config/parse-input";
import { requireClassAccess } from "@/lib/auth/require-class-access";
import { listActiveRoster, type RosterRow } from "@/lib/db/enrollments";
import { getRosterInput, type GetRosterInput } from "./get-roster.types";

export type RosterStudent = RosterRow;

/** The class's active students (id = the student's user id), for its instructor. */
export async function getRoster(input: GetRosterInput): Promise<RosterStudent[]> {
  const { userId, classId } = parseInput(getRosterInput, input);
  await requireClassAccess({ userId, classId, action: "class.roster.view" });
  return listActiveRoster(classId);
}
