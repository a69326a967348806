"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { TraceRow } from "@/app/exercises/[id]/result-view";
import { formatTraceTime as formatTime } from "@/lib/traces/divergence-messages";
import { secondaryButton } from "@/app/_components/button-styles";

const PAGE = 100;

interface TraceTableProps {
  rows: TraceRow[];
  highlight: number | null;
  ending: { status: string; virtualTime: number; error: string | null; cut: boolean };
}

/**
 * The printed lines as a table (the accessible alternative to the timeline): virtual time, task,
 * text, a page of 100 lines at a time (a runaway program prints a million). It opens on the page
 * holding the first divergence. Long lines wrap inside the frame: the page never scrolls sideways.
 */
export function TraceTable({ rows, highlight, ending }: TraceTableProps) {
  const t = useTranslations("exercises");
  const tPage = useTranslations("exercisePage");
  const [page, setPage] = useState(highlight !== null ? Math.floor(highlight / PAGE) : 0);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const current = Math.min(page, pages - 1);
  const from = current * PAGE;
  const shown = rows.slice(from, from + PAGE);
  const lastPage = current === pages - 1;
  const mainLabel = tPage("timeline.main");
  return (
    <div className="flex flex-col gap-2">
      <h3 className="text-xl font-bold text-slate-950">{t("traceTitle")}</h3>
      <div className="overflow-x-auto rounded-2xl border-2 border-slate-200 bg-white">
        <table className="w-full table-fixed border-collapse text-left font-mono text-lg" data-testid="trace-table">
          <caption className="sr-only">{tPage("table.caption")}</caption>
          <thead className="bg-slate-100 font-sans text-base text-slate-700">
            <tr>
              <th scope="col" className="w-20 px-2 py-2 text-right sm:w-28 sm:px-4">
                {t("traceTime")}
              </th>
              <th scope="col" className="w-24 px-2 py-2 sm:w-40 sm:px-4">
                {t("traceTask")}
              </th>
              <th scope="col" className="px-2 py-2 sm:px-4">
                {t("traceText")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={3} className="px-4 py-3 font-sans text-slate-600">
                  {t("traceEmpty")}
                </td>
              </tr>
            ) : (
              shown.map((row, i) => {
                const index = from + i;
                return (
                  <tr
                    key={index}
                    className={`border-t border-slate-100 align-top ${index === highlight ? "bg-red-100" : ""}`}
                    aria-current={index === highlight ? "true" : undefined}
                  >
                    <td className="px-2 py-1.5 text-right tabular-nums text-slate-600 sm:px-4">{formatTime(row.t)}</td>
                    <td className="break-words px-2 py-1.5 text-brand-800 sm:px-4">
                      {row.task === "main" ? mainLabel : row.task}
                    </td>
                    <td
                      className={`whitespace-pre-wrap break-all px-2 py-1.5 sm:px-4 ${row.stream === "stderr" ? "text-red-800" : "text-slate-950"}`}
                    >
                      {row.text}
                    </td>
                  </tr>
                );
              })
            )}
            {ending.cut && lastPage ? (
              <tr className="border-t-2 border-dashed border-amber-500">
                <td colSpan={3} className="px-4 py-2 font-sans font-semibold text-amber-900" data-testid="output-cut">
                  {tPage("runaway.cutAt")}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav className="flex flex-wrap items-center gap-3" aria-label={tPage("table.caption")}>
          <button
            type="button"
            className={secondaryButton}
            disabled={current === 0}
            onClick={() => setPage(current - 1)}
          >
            {tPage("table.previous")}
          </button>
          <span className="text-base text-slate-700" aria-live="polite">
            {tPage("table.showing", { from: from + 1, to: from + shown.length, total: rows.length })}
          </span>
          <button type="button" className={secondaryButton} disabled={lastPage} onClick={() => setPage(current + 1)}>
            {tPage("table.next")}
          </button>
        </nav>
      ) : null}
      <p className="text-base text-slate-700">
        {tPage("runEnded", {
          status: tPage(
            `runStatus.${["ok", "error", "deadlock", "limit", "sandbox_error"].includes(ending.status) ? ending.status : "error"}`,
          ),
          time: formatTime(ending.virtualTime),
        })}
        {ending.error ? <span className="ml-2 break-words font-mono text-red-800">{ending.error}</span> : null}
      </p>
    </div>
  );
}
