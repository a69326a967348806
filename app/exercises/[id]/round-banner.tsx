"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useClassRoom, useLiveEvent } from "@/app/_components/realtime-provider";
import { formatClock } from "@/app/classes/[id]/leaderboard/round-panel";
import { useNow } from "@/app/classes/[id]/leaderboard/use-round";

export interface LiveRoundRef {
  id: string;
  exerciseId: string;
  endsAt: string;
}

/**
 * Follows the class's live round for an exercise page: the round that runs on THIS exercise (its
 * id goes with every submission), updated by `round:started` / `round:ended`.
 */
export function useLiveRound(classId: string, exerciseId: string, initial: LiveRoundRef | null): LiveRoundRef | null {
  const [round, setRound] = useState(initial);
  useClassRoom(classId);
  useLiveEvent("round:started", (payload) => {
    if (payload.classId === classId && payload.endsAt)
      setRound({ id: payload.roundId, exerciseId: payload.exerciseId, endsAt: payload.endsAt });
  });
  useLiveEvent("round:ended", (payload) => {
    if (payload.classId === classId) setRound((current) => (current?.id === payload.roundId ? null : current));
  });
  const now = useNow(round !== null, 500);
  if (!round || round.exerciseId !== exerciseId || new Date(round.endsAt).getTime() <= now) return null;
  return round;
}

/** The countdown students see while a round runs on this exercise. */
export function RoundBanner({ round }: { round: LiveRoundRef }) {
  const t = useTranslations("live");
  const now = useNow(true, 250);
  const left = Math.max(0, Math.ceil((new Date(round.endsAt).getTime() - now) / 1000));
  return (
    <div
      role="status"
      data-testid="round-banner"
      className="flex flex-wrap items-center justify-between gap-4 rounded-2xl border-4 border-brand-600 bg-brand-50 p-4 text-2xl font-bold text-brand-800"
    >
      <span>{t("roundOnThis")}</span>
      <span className="tabular-nums" aria-label={t("timeLeft")}>
        {formatClock(left)}
      </span>
      <span className="w-full text-lg font-medium text-slate-700">{t("roundHint")}</span>
    </div>
  );
}
