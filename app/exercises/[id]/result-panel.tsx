"use client";

import { useTranslations } from "next-intl";
import { feedbackText } from "@/app/exercises/[id]/feedback-text";
import { noteText } from "@/app/exercises/[id]/note-text";
import { errorText, outputRows, type ResultState, type ShownResult } from "@/app/exercises/[id]/result-view";
import type { Divergence } from "@/lib/traces/verdict.types";
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
export function ResultPanel({ result }: { result: ShownResult }) {
  const t = useTranslations("exercises");
  const tFeedback = useTranslations("feedback");
  const tNotes = useTranslations("runNotes");
  const tGrading = useTranslations("grading");
  const graded = result.status === "passed" || result.status === "failed";
  const prediction = result.verdict?.kind === "prediction" ? result.verdict.feedback : null;
  const exploration = result.verdict?.kind === "program" ? result.verdict : null;
  const translateNote = (note: string) => noteText(note, (key, values) => tNotes(key, values));
  const divergence = withTranslatedNote(result.firstDivergence, translateNote);
  const trace = result.trace;
  return (
    <section aria-labelledby="result-title" aria-live="polite" data-testid="result-panel" data-state={result.status} className="flex flex-col gap-4">
      <h2 id="result-title" className="text-2xl font-bold text-slate-950">
        {result.mode === "run" ? t("runResultTitle") : t("resultTitle")}
        {result.attemptNumber !== null ? <span className="ml-3 text-lg font-semibold text-slate-500">{t("attempt", { n: result.attemptNumber })}</span> : null}
      </h2>
      <div className={`flex flex-wrap items-center gap-x-6 gap-y-2 rounded-2xl border-2 px-5 py-4 ${STATE_STYLE[result.status]}`}>
        <span data-testid="result-state" className="text-3xl font-extrabold">
          {result.status === "passed" ? "✓ " : result.status === "failed" ? "✗ " : ""}
          {t(`state.${result.status}`)}
        </span>
        {graded && result.score !== null ? <span className="text-2xl font-bold tabular-nums">{t("score", { score: Math.round(result.score) })}</span> : null}
      </div>
      {result.failingSeed !== null && result.failingSeed > 0 ? <p className="text-lg font-semibold text-red-900">{t("failingSeed", { seed: result.failingSeed })}</p> : null}
      {graded && exploration && exploration.explored > 1 ? (
        <p data-testid="result-exploration" className="text-lg text-slate-800">
          {exploration.complete ? tNotes("exploredComplete", { count: exploration.explored }) : tNotes("exploredSample", { count: exploration.explored })}
        </p>
      ) : null}
      {trace && trace.notes.length > 0 ? (
        <div data-testid="run-notes" className="rounded-2xl border-2 border-amber-300 bg-amber-50 p-5">
          <p className="text-lg font-bold text-amber-900">{tNotes("title")}</p>
          <ul className="mt-1 list-disc pl-6 text-lg text-slate-900">
            {trace.notes.map((note) => (
              <li key={note}>{translateNote(note)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {result.status === "infra_error" || result.status === "needs_review" ? (
        <p data-testid="result-notice" className="text-xl text-slate-900">{tGrading(`notice.${result.status}`)}</p>
      ) : null}
      {prediction && result.status !== "passed" ? (
        <p className="rounded-2xl border-2 border-red-200 bg-white p-5 text-xl text-slate-900">{feedbackText(prediction, tFeedback)}</p>
      ) : null}
      {divergence && !prediction ? (
        <div className="rounded-2xl border-2 border-red-200 bg-white p-5">
          <p className="text-lg font-bold text-red-900">{t(`reason.${reasonKey(divergence.reason)}`)}</p>
          <p className="mt-1 text-xl text-slate-900">{feedbackText(divergence, tFeedback)}</p>
        </div>
      ) : null}
      {trace ? (
        <TraceTable
          rows={outputRows(trace)}
          highlight={result.status === "failed" ? (divergence?.index ?? null) : null}
          ending={{ status: trace.status, virtualTime: trace.virtualTime, error: errorText(trace) }}
        />
      ) : null}
    </section>
  );
}

/** A forbidden note quotes the harness's English note: shown in the page's language instead. */
function withTranslatedNote(divergence: Divergence | null, translate: (note: string) => string): Divergence | null {
  const note = divergence?.params.note;
  if (!divergence || divergence.code !== "trace.forbidden_note" || typeof note !== "string") return divergence;
  return { ...divergence, params: { ...divergence.params, note: translate(note) } };
}

function reasonKey(reason: string): (typeof REASONS)[number] | "other" {
  return (REASONS as readonly string[]).includes(reason) ? (reason as (typeof REASONS)[number]) : "other";
}
