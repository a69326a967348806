"use client";

import { useTranslations } from "next-intl";
import { feedbackText } from "@/app/exercises/[id]/feedback-text";
import { noteText } from "@/app/exercises/[id]/note-text";
import type { ResultState, ResultView } from "@/app/exercises/[id]/result-view";
import { TraceTable } from "@/app/exercises/[id]/trace-table";

const STATE_STYLE: Record<ResultState, string> = {
  queued: "border-slate-400 bg-slate-50 text-slate-900",
  running: "border-brand-600 bg-brand-50 text-brand-800",
  passed: "border-emerald-700 bg-emerald-50 text-emerald-900",
  failed: "border-red-700 bg-red-50 text-red-900",
  needs_review: "border-amber-700 bg-amber-50 text-amber-900",
  infra_error: "border-amber-700 bg-amber-50 text-amber-900",
};

const REASONS = ["missing", "unexpected", "text", "time", "task", "order", "status", "total_time", "forbidden_note"] as const;

/** Status, score, the first divergence and the trace of a Run or a submission. */
export function ResultPanel({ result }: { result: ResultView }) {
  const t = useTranslations("exercises");
  const tFeedback = useTranslations("feedback");
  const tNotes = useTranslations("runNotes");
  const graded = result.state === "passed" || result.state === "failed";
  return (
    <section aria-labelledby="result-title" aria-live="polite" data-testid="result-panel" data-state={result.state} className="flex flex-col gap-4">
      <h2 id="result-title" className="text-2xl font-bold text-slate-950">
        {result.mode === "run" ? t("runResultTitle") : t("resultTitle")}
        {result.attemptNumber !== null ? <span className="ml-3 text-lg font-semibold text-slate-500">{t("attempt", { n: result.attemptNumber })}</span> : null}
      </h2>
      <div className={`flex flex-wrap items-center gap-x-6 gap-y-2 rounded-2xl border-2 px-5 py-4 ${STATE_STYLE[result.state]}`}>
        <span data-testid="result-state" className="text-3xl font-extrabold">
          {result.state === "passed" ? "✓ " : result.state === "failed" ? "✗ " : ""}
          {t(`state.${result.state}`)}
        </span>
        {graded && result.score !== null ? <span className="text-2xl font-bold tabular-nums">{t("score", { score: Math.round(result.score) })}</span> : null}
      </div>
      {result.failingSeed !== null && result.failingSeed > 0 ? <p className="text-lg font-semibold text-red-900">{t("failingSeed", { seed: result.failingSeed })}</p> : null}
      {graded && result.exploration && result.exploration.explored > 1 ? (
        <p data-testid="result-exploration" className="text-lg text-slate-800">
          {result.exploration.complete ? tNotes("exploredComplete", { count: result.exploration.explored }) : tNotes("exploredSample", { count: result.exploration.explored })}
        </p>
      ) : null}
      {result.run && result.run.notes.length > 0 ? (
        <div data-testid="run-notes" className="rounded-2xl border-2 border-amber-300 bg-amber-50 p-5">
          <p className="text-lg font-bold text-amber-900">{tNotes("title")}</p>
          <ul className="mt-1 list-disc pl-6 text-lg text-slate-900">
            {result.run.notes.map((note) => (
              <li key={note}>{noteText(note, (key, values) => tNotes(key, values))}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {result.prediction && result.state !== "passed" ? <p className="rounded-2xl border-2 border-red-200 bg-white p-5 text-xl text-slate-900">{feedbackText(result.prediction, tFeedback)}</p> : null}
      {result.divergence && !result.prediction ? (
        <div className="rounded-2xl border-2 border-red-200 bg-white p-5">
          <p className="text-lg font-bold text-red-900">{t(`reason.${reasonKey(result.divergence.reason)}`)}</p>
          <p className="mt-1 text-xl text-slate-900">{feedbackText(result.divergence, tFeedback)}</p>
        </div>
      ) : null}
      {result.run ? (
        <TraceTable
          rows={result.run.rows}
          highlight={result.state === "failed" ? (result.divergence?.index ?? null) : null}
          ending={{ status: result.run.status, virtualTime: result.run.virtualTime, error: result.run.error }}
        />
      ) : null}
    </section>
  );
}

function reasonKey(reason: string): (typeof REASONS)[number] | "other" {
  return (REASONS as readonly string[]).includes(reason) ? (reason as (typeof REASONS)[number]) : "other";
}
