"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { DashboardStuck } from "@/lib/dashboard/get-class-dashboard.types";
import { useMounted } from "./use-mounted";

/** Students with several failed attempts and no pass on an exercise in the last minutes. */
export function StuckList({
  rows,
  minutes,
  titleOf,
  hideNames,
}: {
  rows: DashboardStuck[];
  minutes: number;
  titleOf(id: string): string;
  hideNames: boolean;
}) {
  const t = useTranslations("liveDashboard");
  const format = useFormatter();
  const mounted = useMounted();
  return (
    <section
      aria-labelledby="stuck-title"
      className="flex flex-col gap-3 rounded-2xl border-2 border-slate-200 bg-white p-5"
    >
      <h2 id="stuck-title" className="text-2xl font-bold text-slate-950">
        {t("stuckTitle")}
      </h2>
      <p className="text-base text-slate-600">{t("stuckHint", { minutes })}</p>
      {rows.length === 0 ? (
        <p className="text-lg text-slate-600">{t("stuckEmpty")}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-100" data-testid="stuck-list">
          {rows.map((row) => (
            <li
              key={`${row.userId}:${row.exerciseId}`}
              className="flex flex-wrap items-baseline justify-between gap-2 py-2 text-lg"
            >
              <span className="font-semibold text-slate-950">{hideNames ? t("hidden") : row.studentName}</span>
              <span className="text-slate-700">{titleOf(row.exerciseId)}</span>
              <span className="font-bold text-red-800">
                {t("failures", { count: row.failures })}
                {mounted ? ` · ${format.dateTime(new Date(row.lastAttemptAt), { timeStyle: "short" })}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
