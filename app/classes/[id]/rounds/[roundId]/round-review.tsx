"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { RoundDetail } from "@/lib/rounds/round.types";
import { RoundPanel } from "@/app/classes/[id]/leaderboard/round-panel";

/** A stored round: the projector panel (podium once ended) and the full ranking. */
export function RoundReview({ detail }: { detail: RoundDetail }) {
  const t = useTranslations("live");
  const format = useFormatter();
  return (
    <div className="flex flex-col gap-6">
      <RoundPanel detail={detail} hideNames={false} />
      <table className="w-full text-left text-xl">
        <caption className="sr-only">{t("roundRanking")}</caption>
        <thead>
          <tr className="border-b-2 border-slate-300 text-slate-600">
            <th scope="col" className="py-2">
              {t("rank")}
            </th>
            <th scope="col">{t("student")}</th>
            <th scope="col" className="text-right">
              {t("points")}
            </th>
            <th scope="col" className="text-right">
              {t("answeredAt")}
            </th>
          </tr>
        </thead>
        <tbody>
          {detail.entries.map((entry) => (
            <tr key={entry.userId} className="border-b border-slate-200">
              <td className="py-2 font-bold">{entry.rank}</td>
              <td>{entry.name}</td>
              <td className="text-right tabular-nums">{entry.points}</td>
              <td className="text-right tabular-nums">
                {format.dateTime(new Date(entry.answeredAt), { timeStyle: "medium" })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
