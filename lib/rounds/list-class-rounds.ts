import { can } from "@/lib/auth/policy";
import { requireClassAccess } from "@/lib/auth/require-class-access";
import { parseInput } from "@/lib/config/parse-input";
import { listClassRounds as listRoundRows, type RoundListRow } from "@/lib/db/live-rounds";
import { classRoundsInput, type ClassRounds, type ClassRoundsInput } from "./round.types";
import { toRoundView } from "./to-round-view";

/** A class's rounds, newest first (stored and reviewable), and the one running now, if any. */
export async function listClassRounds(input: ClassRoundsInput): Promise<ClassRounds> {
  const { userId, classId } = parseInput(classRoundsInput, input);
  const { actor, context } = await requireClassAccess({ userId, classId, action: "class.view" });
  const rows = await listRoundRows(classId);
  const rounds = rows.map((row) => ({ ...view(row), answers: row.answers }));
  return {
    current: rounds.find((round) => round.status === "running") ?? null,
    rounds,
    canManage: can(actor, "liveRound.run", context).allowed,
  };
}

function view(row: RoundListRow) {
  // Titles are shown for lists; the kind matters only on the round page.
  return toRoundView(row, { titleEn: row.titleEn, titleZh: row.titleZh, kind: "WRITE_CODE" });
}
