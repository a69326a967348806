import { parseInput } from "@/lib/config/parse-input";
import { requireClassAccess } from "@/lib/auth/require-class-access";
import { listActiveRoster, type RosterRow } from "@/lib/db/enrollments";
import { getRosterInput, type GetRosterInput } from "./get-roster.types";
import { compareNamesNaturally } from "./natural-name-order";

export type RosterStudent = RosterRow;

/** The class's active students (id = the student's user id) in natural name order, for its instructor. */
export async function getRoster(input: GetRosterInput): Promise<RosterStudent[]> {
  const { userId, classId } = parseInput(getRosterInput, input);
  await requireClassAccess({ userId, classId, action: "class.roster.view" });
  const roster = await listActiveRoster(classId);
  return roster.sort((a, b) => compareNamesNaturally(a.name, b.name) || a.joinedAt.getTime() - b.joinedAt.getTime());
}
