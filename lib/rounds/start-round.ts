import { requireClassAccess } from "@/lib/auth/require-class-access";
import { parseInput } from "@/lib/config/parse-input";
import { findRoundExercise, findRunningRound, insertRunningRound } from "@/lib/db/live-rounds";
import { AppError } from "@/lib/errors/app-error";
import { getRealtimePublisher } from "@/lib/realtime/publisher";
import { getRoundClock } from "./round-clock";
import { startRoundInput, type RoundView, type StartRoundInput } from "./round.types";
import { toRoundView } from "./to-round-view";

/**
 * The instructor starts a timed round on one published exercise of the class. One round at a time
 * per class (409 while another runs). The server's clock closes it at `endsAt`; `round:started`
 * reaches the class room at once.
 */
export async function startRound(input: StartRoundInput): Promise<RoundView> {
  const { userId, classId, exerciseId, durationSeconds } = parseInput(startRoundInput, input);
  const { klass } = await requireClassAccess({ userId, classId, action: "liveRound.run" });
  if (klass.archivedAt) throw new AppError("FORBIDDEN", "This class is archived.", { key: "class.archived" });
  const exercise = await findRoundExercise(exerciseId);
  if (!exercise || exercise.classId !== classId)
    throw new AppError("NOT_FOUND", "Exercise not found", { key: "exercise.notFound" });
  if (exercise.status !== "PUBLISHED")
    throw new AppError(
      "CONFLICT",
      "Publish the exercise before starting a round on it: students cannot open a draft or closed exercise.",
      { key: "round.publishFirst" },
    );
  const running = await findRunningRound(classId);
  if (running)
    throw new AppError("CONFLICT", "A round is already running in this class: end it first.", {
      key: "round.alreadyRunning",
    });
  const startsAt = new Date();
  const endsAt = new Date(startsAt.getTime() + durationSeconds * 1000);
  const round = await insertRunningRound({
    classId,
    exerciseId,
    durationSeconds,
    createdById: userId,
    startsAt,
    endsAt,
  });
  getRoundClock().arm({ id: round.id, endsAt });
  getRealtimePublisher().toClass(classId, "round:started", {
    classId,
    roundId: round.id,
    exerciseId,
    startedAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
  });
  return toRoundView(round, exercise);
}
