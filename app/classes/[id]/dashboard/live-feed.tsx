"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { LiveSubmission } from "@/lib/dashboard/get-class-dashboard.types";
import { DashboardPanel } from "./dashboard-panel";
import { useMounted } from "./use-mounted";

const VERDICT_STYLE: Record<LiveSubmission["status"], string> = {
  passed: "border-emerald-700 bg-emerald-50 text-emerald-900",
  failed: "border-red-700 bg-red-50 text-red-900",
  needs_review: "border-amber-700 bg-amber-50 text-amber-900",
  infra_error: "border-slate-700 bg-white text-slate-900",
  pending: "border-slate-400 bg-slate-100 text-slate-800",
};

/**
 * Submissions as they are graded, newest first (announced politely to screen readers). Below the
 * `sm` breakpoint (a 390 px phone) each row stacks into a card instead of a table scrolling
 * sideways; the explicit roles keep it a table for screen readers in both layouts.
 */
export function LiveFeed({
  rows,
  titleOf,
  hideNames,
}: {
  rows: LiveSubmission[];
  titleOf(id: string): string;
  hideNames: boolean;
}) {
  const t = useTranslations("liveDashboard");
  const format = useFormatter();
  const mounted = useMounted();
  return (
    <DashboardPanel
      titleId="feed-title"
      title={t("feedTitle")}
      empty={rows.length === 0 ? t("feedEmpty") : null}
      shrinks
    >
      {/* Focusable so keyboard users can scroll the feed (axe: scrollable-region-focusable). */}
      <div className="max-h-[28rem] overflow-auto" tabIndex={0} role="region" aria-labelledby="feed-title">
        <table role="table" className="w-full text-left text-lg max-sm:block" data-testid="live-feed">
          <thead role="rowgroup" className="sticky top-0 bg-slate-100 text-base text-slate-700 max-sm:sr-only">
            <tr role="row">
              <th role="columnheader" scope="col" className="px-3 py-2">
                {t("time")}
              </th>
              <th role="columnheader" scope="col" className="px-3 py-2">
                {t("student")}
              </th>
              <th role="columnheader" scope="col" className="px-3 py-2">
                {t("exercise")}
              </th>
              <th role="columnheader" scope="col" className="px-3 py-2">
                {t("verdict")}
              </th>
            </tr>
          </thead>
          <tbody role="rowgroup" aria-live="polite" className="max-sm:flex max-sm:flex-col max-sm:gap-3">
            {rows.map((row) => (
              <tr
                key={row.submissionId}
                role="row"
                data-testid="live-feed-row"
                className="border-t border-slate-100 max-sm:grid max-sm:grid-cols-[1fr_auto] max-sm:items-center max-sm:gap-x-3 max-sm:gap-y-1 max-sm:rounded-xl max-sm:border-2 max-sm:border-slate-200 max-sm:p-3"
              >
                <td
                  role="cell"
                  className="px-3 py-2 tabular-nums text-slate-600 max-sm:order-4 max-sm:col-span-2 max-sm:p-0 max-sm:text-base"
                >
                  {mounted ? format.dateTime(new Date(row.at), { timeStyle: "medium" }) : ""}
                </td>
                <td
                  role="cell"
                  className="px-3 py-2 font-semibold text-slate-950 max-sm:order-1 max-sm:min-w-0 max-sm:break-words max-sm:p-0"
                >
                  {hideNames ? t("hidden") : row.studentName}
                </td>
                <td role="cell" className="px-3 py-2 text-slate-800 max-sm:order-3 max-sm:col-span-2 max-sm:p-0">
                  {titleOf(row.exerciseId)}
                </td>
                <td role="cell" className="px-3 py-2 max-sm:order-2 max-sm:p-0">
                  <span
                    className={`rounded-full border-2 px-3 py-0.5 text-base font-bold ${VERDICT_STYLE[row.status]}`}
                  >
                    {t(`verdicts.${row.status}`)}
                    {row.status === "failed" ? ` · ${Math.round(row.score)}` : ""}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </DashboardPanel>
  );
}
