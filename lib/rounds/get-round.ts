import { can } from "@/lib/auth/policy";
import { requireClassAccess } from "@/lib/auth/require-class-access";
import { parseInput } from "@/lib/config/parse-input";
import { findLiveRound, findRoundExercise, listRoundSubmissions, listStudentNames } from "@/lib/db/live-rounds";
import { AppError } from "@/lib/errors/app-error";
import { asRoundNotFound } from "./end-round";
import { roundInput, type RoundDetail, type RoundInput } from "./round.types";
import { rankRoundEntries, summarizeRound } from "./summarize-round";
import { toRoundView } from "./to-round-view";

/**
 * A round for the class's members and owner: ranked entries (each student's best answer, scored
 * by the round rule) and the projector's statistics. While it runs, what the most common wrong
 * answer says (it shows the expected line) is withheld from everyone but the instructor.
 */
export async function getRound(input: RoundInput): Promise<RoundDetail> {
  const { userId, roundId } = parseInput(roundInput, input);
  const round = await findLiveRound(roundId);
  if (!round) throw new AppError("NOT_FOUND", "Round not found", { key: "round.notFound" });
  const { actor, context } = await requireClassAccess({ userId, classId: round.classId, action: "class.view" }).catch(
    asRoundNotFound,
  );
  const canManage = can(actor, "liveRound.run", context).allowed;
  const [exercise, rows] = await Promise.all([findRoundExercise(round.exerciseId), listRoundSubmissions(round.id)]);
  const names = await listStudentNames(round.classId, [...new Set(rows.map((row) => row.userId))]);
  const view = toRoundView(round, exercise ?? { titleEn: "", titleZh: "", kind: "WRITE_CODE" });
  return {
    round: view,
    entries: rankRoundEntries(
      rows,
      { startsAt: new Date(view.startedAt), durationSeconds: round.durationSeconds },
      names,
    ),
    stats: summarizeRound(rows, { revealDetails: canManage || view.status === "ended" }),
    canManage,
  };
}
