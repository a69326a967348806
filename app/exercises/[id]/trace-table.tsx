"use client";

import { useTranslations } from "next-intl";
import type { TraceRow } from "@/app/exercises/[id]/result-view";
import { formatTraceTime as formatTime } from "@/lib/traces/divergence-messages";

/**
 * The printed lines of a run as an aligned table: virtual time, task, text. The line where the
 * output first diverged from the expected trace is highlighted.
 */
export function TraceTable({ rows, highlight, ending }: { rows: TraceRow[]; highlight: number | null; ending: { status: string; virtualTime: number; error: string | null } }) {
  const t = useTranslations("exercises");
  return (
    <div className="flex flex-col gap-2">
      <h3 className="text-xl font-bold text-slate-950">{t("traceTitle")}</h3>
      <div className="overflow-x-auto rounded-2xl border-2 border-slate-200 bg-white">
        <table className="w-full border-collapse text-left font-mono text-lg" data-testid="trace-table">
          <thead className="bg-slate-100 font-sans text-base text-slate-700">
            <tr>
              <th scope="col" className="w-28 px-4 py-2 text-right">{t("traceTime")}</th>
              <th scope="col" className="w-40 px-4 py-2">{t("traceTask")}</th>
              <th scope="col" className="px-4 py-2">{t("traceText")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={3} className="px-4 py-3 font-sans text-slate-600">{t("traceEmpty")}</td>
              </tr>
            ) : (
              rows.map((row, index) => (
                <tr key={index} className={`border-t border-slate-100 ${index === highlight ? "bg-red-100" : ""}`} aria-current={index === highlight ? "true" : undefined}>
                  <td className="px-4 py-1.5 text-right tabular-nums text-slate-600">t={formatTime(row.t)}</td>
                  <td className="px-4 py-1.5 text-brand-800">{row.task}</td>
                  <td className={`whitespace-pre px-4 py-1.5 ${row.stream === "stderr" ? "text-red-800" : "text-slate-950"}`}>{row.text}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <p className="text-base text-slate-700">
        {t("runEnded", { status: ending.status, time: formatTime(ending.virtualTime) })}
        {ending.error ? <span className="ml-2 font-mono text-red-800">{ending.error}</span> : null}
      </p>
    </div>
  );
}
