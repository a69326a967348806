"use client";

import { useTranslations } from "next-intl";
import type { RunResult } from "@/lib/run-contract/run-result.types";

/** A run's printed lines on the virtual clock: time, task, text (the recorded reference run). */
export function RunTimeline({ run, caption }: { run: RunResult; caption: string }) {
  const t = useTranslations("exerciseEditor");
  const lines = run.events.filter((event) => event.stream === "stdout" || event.stream === "stderr");
  return (
    <div className="overflow-x-auto rounded-2xl border-2 border-slate-200 bg-white">
      <table className="w-full border-collapse text-left font-mono text-lg" data-testid="run-timeline">
        <caption className="px-4 py-2 text-left font-sans text-base font-semibold text-slate-700">
          {caption} · {t("runEnding", { status: run.status, time: formatTime(run.virtualTime) })}
        </caption>
        <thead className="bg-slate-100 font-sans text-base text-slate-700">
          <tr>
            <th scope="col" className="w-28 px-4 py-2 text-right">
              {t("time")}
            </th>
            <th scope="col" className="w-40 px-4 py-2">
              {t("task")}
            </th>
            <th scope="col" className="px-4 py-2">
              {t("text")}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, index) => (
            <tr key={index} className="border-t border-slate-100">
              <td className="px-4 py-1.5 text-right tabular-nums text-slate-600">{formatTime(line.t)}</td>
              <td className="px-4 py-1.5 text-slate-700">{line.task}</td>
              <td
                className={`whitespace-pre-wrap px-4 py-1.5 ${line.stream === "stderr" ? "text-red-800" : "text-slate-950"}`}
              >
                {line.text}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function formatTime(t: number): string {
  return `${Number(t.toFixed(3))}s`;
}
