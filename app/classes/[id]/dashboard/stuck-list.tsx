"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { DashboardStuck } from "@/lib/dashboard/get-class-dashboard.types";
import { DashboardPanel } from "./dashboard-panel";
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
    <DashboardPanel
      titleId="stuck-title"
      title={t("stuckTitle")}
      before={<p className="text-base text-slate-600">{t("stuckHint", { minutes })}</p>}
      empty={rows.length === 0 ? t("stuckEmpty") : null}
    >
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
    </DashboardPanel>
  );
}
