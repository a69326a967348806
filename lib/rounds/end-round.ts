import { requireClassAccess } from "@/lib/auth/require-class-access";
import { parseInput } from "@/lib/config/parse-input";
import { findLiveRound, findRoundExercise } from "@/lib/db/live-rounds";
import { AppError } from "@/lib/errors/app-error";
import { closeRound } from "./close-round";
import { roundInput, type RoundInput, type RoundView } from "./round.types";
import { toRoundView } from "./to-round-view";

/** The instructor ends a round early. Ending an ended round is harmless: it returns it as it is. */
export async function endRound(input: RoundInput): Promise<RoundView> {
  const { userId, roundId } = parseInput(roundInput, input);
  const round = await findLiveRound(roundId);
  if (!round) throw new AppError("NOT_FOUND", "Round not found", { key: "round.notFound" });
  await requireClassAccess({ userId, classId: round.classId, action: "liveRound.run" }).catch(asRoundNotFound);
  const ended = (await closeRound(round.id)) ?? (await findLiveRound(round.id)) ?? round;
  const exercise = await findRoundExercise(round.exerciseId);
  return toRoundView(ended, exercise ?? { titleEn: "", titleZh: "", kind: "WRITE_CODE" });
}

export function asRoundNotFound(error: unknown): never {
  if (error instanceof AppError && error.code === "NOT_FOUND")
    throw new AppError("NOT_FOUND", "Round not found", { key: "round.notFound" });
  throw error;
}
