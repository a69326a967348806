import type { LiveRoundRecord } from "@/lib/db/live-rounds";
import type { RoundView } from "./round.types";

/** The API shape of a stored round (a round is created running, so it always has its times). */
export function toRoundView(
  round: LiveRoundRecord,
  exercise: { titleEn: string; titleZh: string; kind: "WRITE_CODE" | "PREDICT_OUTPUT" },
): RoundView {
  const startedAt = round.startsAt ?? round.createdAt;
  const endsAt = round.endsAt ?? new Date(startedAt.getTime() + round.durationSeconds * 1000);
  return {
    id: round.id,
    classId: round.classId,
    exerciseId: round.exerciseId,
    status: round.status === "ENDED" ? "ended" : "running",
    startedAt: startedAt.toISOString(),
    endsAt: endsAt.toISOString(),
    endedAt: round.endedAt?.toISOString() ?? null,
    durationSeconds: round.durationSeconds,
    title: { en: exercise.titleEn, zh: exercise.titleZh },
    kind: exercise.kind,
  };
}
