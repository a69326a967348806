"use client";

import { useLocale, useTranslations } from "next-intl";
import { feedbackText } from "@/app/exercises/[id]/feedback-text";
import { noteText } from "@/app/exercises/[id]/note-text";
import type { ResultState, ResultView } from "@/app/exercises/[id]/result-view";
import type { Divergence } from "@/lib/traces/verdict.types";
import { TraceTable } from "@/app/exercises/[id]/trace-table";
import { TimelinePanel } from "@/app/exercises/[id]/timeline-panel";
import { RunExplanation } from "@/app/exercises/[id]/run-explanation";
import { PredictionComparison } from "@/app/exercises/[id]/prediction-comparison";
import { PythonEditor } from "@/app/_components/python-editor/python-editor";
import { MarkdownText } from "@/app/_components/markdown-text";
import { reasonKey } from "@/app/_lib/divergence-reason-key";

const STATE_STYLE: Record<ResultState, string> = {
  queued: "border-slate-400 bg-slate-50 text-slate-900",
  running: "border-brand-600 bg-brand-50 text-brand-800",
  passed: "border-emerald-700 bg-emerald-50 text-emerald-900",
  failed: "border-red-700 bg-red-50 text-red-900",
  needs_review: "border-amber-700 bg-amber-50 text-amber-900",
  infra_error: "border-amber-700 bg-amber-50 text-amber-900",
};

/** Status, score, the first divergence and the trace of a Run or a submission. */
export function ResultPanel({ result }: { result: ResultView }) {
  const t = useTranslations("exercises");
  const tFeedback = useTranslations("feedback");
  const tPage = useTranslations("exercisePage");
  const tNotes = useTranslations("runNotes");
  const tGrading = useTranslations("grading");
  const locale = useLocale();
  const graded = result.state === "passed" || result.state === "failed";
  const translateNote = (note: string) => noteText(note, (key, values) => tNotes(key, values));
  const divergence = withTranslatedNote(result.divergence, translateNote);
  // A prediction's run is the program's real one: its lines are not the student's, nothing to mark.
  const isPrediction = result.prediction !== null;
  const highlight = result.state === "failed" && !isPrediction ? (divergence?.index ?? null) : null;
  const showExpected = result.state === "failed" && !isPrediction;
  return (
    <section
      aria-labelledby="result-title"
      aria-live="polite"
      data-testid="result-panel"
      data-state={result.state}
      className="flex flex-col gap-4"
    >
      <h2 id="result-title" className="text-2xl font-bold text-slate-950">
        {result.mode === "run" ? t("runResultTitle") : t("resultTitle")}
        {result.attemptNumber !== null ? (
          <span className="ml-3 text-lg font-semibold text-slate-500">{t("attempt", { n: result.attemptNumber })}</span>
        ) : null}
      </h2>
      <div
        className={`flex flex-wrap items-center gap-x-6 gap-y-2 rounded-2xl border-2 px-5 py-4 ${STATE_STYLE[result.state]}`}
      >
        <span data-testid="result-state" className="text-3xl font-extrabold">
          {result.state === "passed" ? "✓ " : result.state === "failed" ? "✗ " : ""}
          {t(`state.${result.state}`)}
        </span>
        {graded && result.score !== null ? (
          <span className="text-2xl font-bold tabular-nums">{t("score", { score: Math.round(result.score) })}</span>
        ) : null}
      </div>
      {result.failingSeed !== null && result.failingSeed > 0 ? (
        <p className="text-lg font-semibold text-red-900">{t("failingSeed", { seed: result.failingSeed })}</p>
      ) : null}
      {graded && result.exploration && result.exploration.explored > 1 ? (
        <p data-testid="result-exploration" className="text-lg text-slate-800">
          {result.exploration.complete
            ? tNotes("exploredComplete", { count: result.exploration.explored })
            : tNotes("exploredSample", { count: result.exploration.explored })}
        </p>
      ) : null}
      {result.run && result.run.notes.length > 0 ? (
        <div data-testid="run-notes" className="rounded-2xl border-2 border-amber-300 bg-amber-50 p-5">
          <p className="text-lg font-bold text-amber-900">{tNotes("title")}</p>
          <ul className="mt-1 list-disc pl-6 text-lg text-slate-900">
            {result.run.notes.map((note) => (
              <li key={note}>{translateNote(note)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {result.state === "infra_error" || result.state === "needs_review" ? (
        <p data-testid="result-notice" className="text-xl text-slate-900">
          {tGrading(`notice.${result.state}`)}
        </p>
      ) : null}
      {result.withheld ? (
        <p data-testid="result-withheld" className="text-xl text-slate-900">
          {tPage("withheld")}
        </p>
      ) : null}
      {result.prediction && result.state !== "passed" ? (
        <p className="rounded-2xl border-2 border-red-200 bg-white p-5 text-xl text-slate-900">
          {feedbackText(result.prediction, tFeedback)}
        </p>
      ) : null}
      {result.mistake && result.state === "failed" ? (
        // The author writes the explanation in Markdown (`func()`), like the prompt.
        <div
          className="flex flex-col gap-1 rounded-2xl border-2 border-amber-300 bg-amber-50 p-5 text-xl text-slate-900"
          data-testid="prediction-mistake"
        >
          <p className="font-bold text-amber-900">{tPage("mistakeTitle")}</p>
          <MarkdownText markdown={locale === "zh-CN" ? result.mistake.zh : result.mistake.en} />
        </div>
      ) : null}
      {divergence && !result.prediction ? (
        <div className="rounded-2xl border-2 border-red-200 bg-white p-5">
          <p className="text-lg font-bold text-red-900">{t(`reason.${reasonKey(divergence.reason)}`)}</p>
          <p className="mt-1 text-xl text-slate-900">{feedbackText(divergence, tFeedback)}</p>
        </div>
      ) : null}
      {isPrediction && result.run && result.code !== null ? (
        <PredictionComparison
          predicted={result.code}
          printed={result.run.rows.filter((row) => row.stream === "stdout").map((row) => row.text)}
        />
      ) : null}
      {result.code ? (
        <details className="rounded-2xl border-2 border-slate-200 bg-white p-4">
          <summary className="cursor-pointer text-lg font-semibold text-slate-900">{tPage("attemptCode")}</summary>
          <div className="mt-3">
            <PythonEditor
              value={result.code}
              label={tPage("attemptCode")}
              readOnly
              minLines={4}
              maxLines={24}
              errorLine={result.run?.status === "error" ? result.run.errorLine : null}
            />
          </div>
        </details>
      ) : null}
      {result.run ? <RunExplanation run={result.run} /> : null}
      {result.run ? (
        <TimelinePanel
          run={{ events: result.run.rows, virtualTime: result.run.virtualTime, lifecycle: result.run.lifecycle }}
          highlight={highlight}
          realRun={isPrediction}
          expected={showExpected ? result.expected : null}
          expectedHighlight={showExpected ? result.expectedIndex : null}
        />
      ) : null}
      {result.run ? (
        <TraceTable
          rows={result.run.rows}
          highlight={highlight}
          ending={{
            status: result.run.status,
            virtualTime: result.run.virtualTime,
            error: result.run.error,
            cut: result.run.status === "limit" && result.run.limit === "output",
          }}
        />
      ) : null}
    </section>
  );
}

/** A forbidden note quoted in the feedback is shown in the page's language. */
function withTranslatedNote(divergence: Divergence | null, translate: (note: string) => string): Divergence | null {
  const note = divergence?.params.note;
  if (!divergence || divergence.code !== "trace.forbidden_note" || typeof note !== "string") return divergence;
  return { ...divergence, params: { ...divergence.params, note: translate(note) } };
}
