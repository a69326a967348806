"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { LiveSubmission } from "@/lib/dashboard/get-class-dashboard.types";
import { useMounted } from "./use-mounted";

const VERDICT_STYLE: Record<LiveSubmission["status"], string> = {
  passed: "border-emerald-700 bg-emerald-50 text-emerald-900",
  failed: "border-red-700 bg-red-50 text-red-900",
  needs_review: "border-amber-700 bg-amber-50 text-amber-900",
  infra_error: "border-slate-700 bg-white text-slate-900",
  pending: "border-slate-400 bg-slate-100 text-slate-800",
};

/** Submissions as they are graded, newest first (announced politely to screen readers). */
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
    <section
      aria-labelledby="feed-title"
      className="flex flex-col gap-3 rounded-2xl border-2 border-slate-200 bg-white p-5"
    >
      <h2 id="feed-title" className="text-2xl font-bold text-slate-950">
        {t("feedTitle")}
      </h2>
      {rows.length === 0 ? (
        <p className="text-lg text-slate-600">{t("feedEmpty")}</p>
      ) : (
        <div className="max-h-[28rem] overflow-auto">
          <table className="w-full text-left text-lg" data-testid="live-feed">
            <thead className="sticky top-0 bg-slate-100 text-base text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t("time")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("student")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("exercise")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("verdict")}
                </th>
              </tr>
            </thead>
            <tbody aria-live="polite">
              {rows.map((row) => (
                <tr key={row.submissionId} className="border-t border-slate-100">
                  <td className="px-3 py-2 tabular-nums text-slate-600">
                    {mounted ? format.dateTime(new Date(row.at), { timeStyle: "medium" }) : ""}
                  </td>
                  <td className="px-3 py-2 font-semibold text-slate-950">
                    {hideNames ? t("hidden") : row.studentName}
                  </td>
                  <td className="px-3 py-2 text-slate-800">{titleOf(row.exerciseId)}</td>
                  <td className="px-3 py-2">
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
      )}
    </section>
  );
}
