"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { TriedSolution } from "@/lib/exercises/try-exercise-solution";
import { callApi } from "@/app/_lib/api-client";
import { useErrorText } from "@/app/_lib/use-error-text";
import { card, secondaryButton } from "@/app/_components/button-styles";
import { PythonEditor } from "@/app/_components/python-editor/python-editor";
import { RunTimeline } from "./run-timeline";
import { WrongSolutionsPanel } from "./wrong-solutions-panel";

/** "Try a wrong solution": any program against the spec being edited, under the exercise's schedules. */
export function TrySolutionPanel({ exerciseId, spec, starter }: { exerciseId: string; spec: string; starter: string }) {
  const t = useTranslations("exerciseEditor");
  const errorText = useErrorText();
  const [code, setCode] = useState(starter);
  const [result, setResult] = useState<TriedSolution | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function tryIt() {
    startTransition(async () => {
      const response = await callApi<TriedSolution>(`/api/exercises/${exerciseId}/try`, "POST", { code, spec });
      setResult(response.ok ? response.data : null);
      setError(response.ok ? null : errorText.message(response.error));
    });
  }

  return (
    <section className={`${card} flex flex-col gap-4`} aria-labelledby="try-title">
      <h2 id="try-title" className="text-2xl font-bold text-slate-950">
        {t("tryTitle")}
      </h2>
      <p className="text-base text-slate-600">{t("tryHint")}</p>
      <PythonEditor
        id="try-code"
        label={t("tryTitle")}
        value={code}
        onChange={setCode}
        onRun={tryIt}
        minLines={8}
        maxLines={20}
      />
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={tryIt} disabled={pending} className={secondaryButton}>
          {pending ? t("trying") : t("tryButton")}
        </button>
        {error ? (
          <span role="alert" className="text-base font-semibold text-red-700">
            {error}
          </span>
        ) : null}
      </div>
      {result ? (
        <div className="flex flex-col gap-3" role="status">
          <p className={`text-xl font-bold ${result.passed ? "text-emerald-800" : "text-red-800"}`}>
            {result.passed
              ? t("tryPassed", { score: Math.round(result.score) })
              : t("tryFailed", { score: Math.round(result.score), seed: result.failingSeed ?? 0 })}
          </p>
          {result.firstDivergence ? <p className="text-lg text-slate-800">{result.firstDivergence.message}</p> : null}
          <RunTimeline run={result.trace} caption={t("tryRun")} />
        </div>
      ) : null}
      <WrongSolutionsPanel exerciseId={exerciseId} code={code} onLoad={setCode} />
    </section>
  );
}
