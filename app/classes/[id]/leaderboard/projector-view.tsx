"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { LeaderboardView } from "@/lib/leaderboard/leaderboard.types";
import type { RoundDetail } from "@/lib/rounds/round.types";
import { useLiveStatus } from "@/app/_components/realtime-provider";
import { secondaryButton } from "@/app/_components/button-styles";
import { LeaderboardBoard } from "@/app/classes/[id]/leaderboard/leaderboard-board";
import { EndRoundButton, StartRoundForm } from "@/app/classes/[id]/leaderboard/round-controls";
import { RoundPanel } from "@/app/classes/[id]/leaderboard/round-panel";
import { useRound } from "@/app/classes/[id]/leaderboard/use-round";

interface ProjectorProps {
  classId: string;
  className: string;
  leaderboard: LeaderboardView;
  round: RoundDetail | null;
  canManage: boolean;
  exercises: { id: string; title: string }[];
}

const LIMITS = [10, 25, 1000];

/** The page an instructor puts on the projector: the live round (if any) above the class ranking. */
export function ProjectorView({ classId, className, leaderboard, round, canManage, exercises }: ProjectorProps) {
  const t = useTranslations("live");
  const status = useLiveStatus();
  const { detail, reload } = useRound(classId, round);
  const [hideNames, setHideNames] = useState(false);
  const [limit, setLimit] = useState(10);
  const hideKey = `interleave:projector:hide-names:${classId}`;
  useEffect(() => setHideNames(window.localStorage.getItem(hideKey) === "1"), [hideKey]);
  const toggleNames = () => {
    window.localStorage.setItem(hideKey, hideNames ? "0" : "1");
    setHideNames(!hideNames);
  };
  const running = detail?.round.status === "running";

  return (
    <div className="flex flex-col gap-8">
      <header className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <Link
            href={`/classes/${classId}`}
            className="text-lg font-semibold text-brand-700 underline-offset-4 hover:underline"
          >
            {t("backToClass")}
          </Link>
          <h1 className="mt-2 text-5xl font-extrabold text-slate-950">{t("title", { name: className })}</h1>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <span
            role="status"
            className={`rounded-full px-4 py-1 text-lg font-semibold ${status === "connected" ? "bg-emerald-100 text-emerald-900" : "bg-amber-100 text-amber-900"}`}
          >
            {status === "connected" ? t("live") : t("reconnecting")}
          </span>
          {canManage ? (
            <button type="button" className={secondaryButton} aria-pressed={hideNames} onClick={toggleNames}>
              {hideNames ? t("showNames") : t("hideNames")}
            </button>
          ) : null}
          <label className="flex items-center gap-2 text-lg font-semibold text-slate-800">
            {t("show")}
            <select
              value={limit}
              onChange={(event) => setLimit(Number(event.target.value))}
              className="rounded-lg border-2 border-slate-400 bg-white px-2 py-1 text-lg"
            >
              {LIMITS.map((value) => (
                <option key={value} value={value}>
                  {value === 1000 ? t("all") : t("top", { count: value })}
                </option>
              ))}
            </select>
          </label>
          <Link href={`/classes/${classId}/rounds`} className={secondaryButton}>
            {t("pastRounds")}
          </Link>
        </div>
      </header>
      {detail ? (
        <RoundPanel
          detail={detail}
          hideNames={hideNames}
          actions={
            running && canManage ? <EndRoundButton roundId={detail.round.id} onEnded={() => void reload()} /> : null
          }
        />
      ) : null}
      {canManage && !running ? (
        <div className="rounded-2xl border-2 border-slate-200 bg-white p-6">
          <StartRoundForm classId={classId} exercises={exercises} onStarted={() => void reload()} />
        </div>
      ) : null}
      <section aria-labelledby="board-title" className="flex flex-col gap-4">
        <h2 id="board-title" className="text-4xl font-extrabold text-slate-950">
          {t("boardTitle")}
        </h2>
        <LeaderboardBoard initial={leaderboard} hideNames={hideNames} limit={limit} />
        <p className="text-lg text-slate-600">{t("rules")}</p>
      </section>
    </div>
  );
}
