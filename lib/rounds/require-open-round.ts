import { findLiveRound } from "@/lib/db/live-rounds";
import { AppError } from "@/lib/errors/app-error";

/**
 * A submission `{ code, roundId }` is accepted only for a running round of that very exercise
 * and class, before the server's clock closes it. A late answer is refused (409) and stored
 * nowhere; the caller checks this before inserting anything.
 */
export async function requireOpenRound(options: {
  roundId: string;
  exerciseId: string;
  classId: string;
  now?: Date;
}): Promise<void> {
  const round = await findLiveRound(options.roundId);
  if (!round || round.classId !== options.classId || round.exerciseId !== options.exerciseId) {
    throw new AppError("NOT_FOUND", "Round not found for this exercise.", { key: "round.notFoundForExercise" });
  }
  const now = options.now ?? new Date();
  const endsAt = round.endsAt ?? now;
  if (round.status !== "RUNNING" || now.getTime() >= endsAt.getTime()) {
    const closedAt = round.endedAt ?? endsAt;
    throw new AppError(
      "CONFLICT",
      `This round ended at ${closedAt.toISOString()}: your answer was not recorded for it. You can still submit it outside the round.`,
      { key: "round.ended", params: { closedAt: closedAt.toISOString() } },
    );
  }
}
