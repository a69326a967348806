"use client";

import { useTranslations } from "next-intl";
import type { RunResult } from "@/lib/run-contract/run-result.types";
import { noteText } from "@/app/exercises/[id]/note-text";

/**
 * A run's printed lines on the virtual clock: time, task, text (the recorded reference run), and
 * its notes (a CPU stretch that held the event loop, …) as students would see them.
 */
export function RunTimeline({ run, caption }: { run: RunResult; caption: string }) {
  const t = useTranslations("exerciseEditor");
  const tNotes = useTranslations("runNotes");
  const lines = run.events.filter((event) => event.stream === "stdout" || event.stream === "stderr");
  return (
    <div className="flex flex-col gap-3">
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
      {run.notes.length > 0 ? (
        <div data-testid="run-notes" className="rounded-2xl border-2 border-amber-300 bg-amber-50 p-5">
          <p className="text-lg font-bold text-amber-900">{tNotes("title")}</p>
          <ul className="mt-1 list-disc pl-6 text-lg text-slate-900">
            {run.notes.map((note) => (
              <li key={note}>{noteText(note, (key, values) => tNotes(key, values))}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function formatTime(t: number): string {
  return `${Number(t.toFixed(3))}s`;
}
