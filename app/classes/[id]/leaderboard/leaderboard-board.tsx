"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import type { LeaderboardView } from "@/lib/leaderboard/leaderboard.types";
import { useClassRoom, useLiveEvent, usePollWhileDisconnected } from "@/app/_components/realtime-provider";
import { mergeEntries } from "@/app/classes/[id]/leaderboard/merge-entries";

const ROW_REM = 4.5;

/**
 * The projector's ranking: large type, rows slide to their new place when ranks change (each row
 * is positioned by its rank, so a CSS transition animates the move), live over the shared socket.
 */
export function LeaderboardBoard({
  initial,
  hideNames,
  limit,
}: {
  initial: LeaderboardView;
  hideNames: boolean;
  limit: number;
}) {
  const t = useTranslations("live");
  const [entries, setEntries] = useState(initial.entries);
  const [changedAt, setChangedAt] = useState<Record<string, number>>({});
  const refetch = useCallback(async () => {
    const response = await fetch(`/api/classes/${initial.classId}/leaderboard`, { cache: "no-store" }).catch(
      () => null,
    );
    if (response?.ok) setEntries(((await response.json()) as LeaderboardView).entries);
  }, [initial.classId]);
  useClassRoom(initial.classId, () => void refetch());
  usePollWhileDisconnected(() => void refetch(), 5_000);
  useLiveEvent("leaderboard:update", (payload) => {
    if (payload.classId !== initial.classId) return;
    setEntries((current) => mergeEntries(current, payload.entries));
    const now = Date.now();
    setChangedAt((current) => ({
      ...current,
      ...Object.fromEntries(payload.entries.map((entry) => [entry.userId, now])),
    }));
  });

  const shown = entries.slice(0, limit);
  if (entries.length === 0) return <p className="text-3xl text-slate-700">{t("emptyBoard")}</p>;
  // Rows sit at fixed slots by their place in the list; keys are user ids, so a move animates.
  const order = [...shown].sort((a, b) => a.userId.localeCompare(b.userId));
  const slot = new Map(shown.map((entry, index) => [entry.userId, index]));
  return (
    <div>
      <div
        className="grid grid-cols-[2.5rem_minmax(0,1fr)_3.5rem_4.5rem] gap-2 sm:grid-cols-[6rem_minmax(0,1fr)_8rem_9rem] sm:gap-4 px-2 pb-2 text-sm font-bold uppercase tracking-wide text-slate-600 sm:px-4 sm:text-xl"
        aria-hidden="true"
      >
        <span>{t("rank")}</span>
        <span>{t("student")}</span>
        <span className="text-right">{t("solved")}</span>
        <span className="text-right">{t("points")}</span>
      </div>
      <ol
        aria-label={t("boardLabel")}
        className="relative"
        style={{ height: `${shown.length * ROW_REM}rem` }}
        data-testid="leaderboard"
      >
        {order.map((entry) => {
          const index = slot.get(entry.userId) ?? 0;
          const fresh = Date.now() - (changedAt[entry.userId] ?? 0) < 3_000;
          return (
            <li
              key={entry.userId}
              data-testid="leaderboard-row"
              data-rank={entry.rank ?? ""}
              aria-posinset={index + 1}
              aria-setsize={shown.length}
              className={`absolute inset-x-0 grid h-16 grid-cols-[2.5rem_minmax(0,1fr)_3.5rem_4.5rem] gap-2 sm:grid-cols-[6rem_minmax(0,1fr)_8rem_9rem] sm:gap-4 items-center rounded-xl px-2 text-xl transition-[transform,background-color] duration-700 ease-out motion-reduce:transition-none sm:px-4 sm:text-3xl ${
                fresh ? "bg-amber-100" : index % 2 === 0 ? "bg-white" : "bg-slate-50"
              }`}
              style={{ transform: `translateY(${index * ROW_REM}rem)` }}
            >
              {entry.rank === null ? (
                <span className="font-extrabold text-slate-500" title={t("unranked")}>
                  —<span className="sr-only">{t("unranked")}</span>
                </span>
              ) : (
                <span className="font-extrabold text-brand-700">{entry.rank}</span>
              )}
              <span className="font-semibold text-slate-950 max-sm:line-clamp-2 max-sm:text-lg max-sm:leading-tight sm:truncate">
                {/* By place in the list: tied and unranked students still get distinct labels. */}
                {hideNames ? t("hiddenName", { rank: index + 1 }) : entry.name}
              </span>
              <span className="text-right tabular-nums text-slate-800">{entry.solved}</span>
              <span className="text-right font-bold tabular-nums text-slate-950">{formatPoints(entry.score)}</span>
            </li>
          );
        })}
      </ol>
      {entries.length > shown.length ? (
        <p className="mt-4 text-xl text-slate-600">{t("more", { count: entries.length - shown.length })}</p>
      ) : null}
    </div>
  );
}

function formatPoints(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}
