"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { callApi } from "@/app/_lib/api-client";
import { useErrorText } from "@/app/_lib/use-error-text";
import { primaryButton, secondaryButton } from "@/app/_components/button-styles";
import { PythonEditor } from "@/app/_components/python-editor/python-editor";
import { ResultPanel } from "@/app/exercises/[id]/result-panel";
import { isPending, queuedResult, resultFromRun, resultFromSubmission, type ShownResult } from "@/app/exercises/[id]/result-view";
import type { RunView, SubmissionView } from "@/lib/grading/submission-view.types";
import type { SubmittedSolution } from "@/lib/grading/submit-solution";
import { useSubmissionUpdates } from "@/app/exercises/[id]/use-submission-updates";
import { RoundBanner, useLiveRound, type LiveRoundRef } from "@/app/exercises/[id]/round-banner";

interface WorkspaceProps {
  exerciseId: string;
  classId: string;
  /** The class's live round on this exercise when the page was rendered. */
  liveRound: LiveRoundRef | null;
  kind: "WRITE_CODE" | "PREDICT_OUTPUT";
  starterCode: string;
  canSubmit: boolean;
  latestSubmissionId: string | null;
  /** Set when the page was opened from an assignment: submissions count toward it. */
  assignmentId?: string;
}

/**
 * The student's side of an exercise: the editor (code, or the predicted lines), Run and Submit,
 * and the result. A submission's verdict arrives live (socket) with polling as the fallback. The
 * draft is kept in this browser so a reload does not lose work.
 */
export function ExerciseWorkspace({ exerciseId, classId, liveRound, kind, starterCode, canSubmit, latestSubmissionId, assignmentId }: WorkspaceProps) {
  const t = useTranslations("exercises");
  const errorText = useErrorText();
  const draftKey = `interleave:draft:${exerciseId}`;
  const [code, setCode] = useState(starterCode);
  const [result, setResult] = useState<ShownResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"run" | "submit" | null>(null);
  const isPrediction = kind === "PREDICT_OUTPUT";

  useEffect(() => {
    const saved = window.localStorage.getItem(draftKey);
    if (saved !== null) setCode(saved);
  }, [draftKey]);

  useEffect(() => {
    if (!latestSubmissionId) return;
    void callApi<SubmissionView>(`/api/submissions/${latestSubmissionId}`, "GET").then((response) => {
      const previous = response.ok ? resultFromSubmission(response.data) : null;
      if (previous) setResult((current) => current ?? previous);
    });
  }, [latestSubmissionId]);

  useSubmissionUpdates(result, setResult);
  const round = useLiveRound(classId, exerciseId, liveRound);

  function edit(next: string) {
    setCode(next);
    window.localStorage.setItem(draftKey, next);
  }

  async function act(action: "run" | "submit") {
    setBusy(action);
    setError(null);
    try {
      if (action === "run") {
        const response = await callApi<RunView>(`/api/exercises/${exerciseId}/run`, "POST", { code });
        if (response.ok) setResult(resultFromRun(response.data));
        else setError(errorText.message(response.error));
      } else {
        const body = round ? { code, roundId: round.id } : assignmentId ? { code, assignmentId } : { code };
        const response = await callApi<SubmittedSolution>(`/api/exercises/${exerciseId}/submissions`, "POST", body);
        if (response.ok) setResult(queuedResult(response.data));
        else setError(errorText.message(response.error));
      }
    } finally {
      setBusy(null);
    }
  }

  const waiting = busy !== null || isPending(result);
  return (
    <div className="flex flex-col gap-6">
      {round ? <RoundBanner round={round} /> : null}
      <div className="flex flex-col gap-2">
        <label htmlFor="exercise-editor" className="text-xl font-bold text-slate-950">
          {isPrediction ? t("predictionLabel") : t("editorLabel")}
        </label>
        <PythonEditor
          id="exercise-editor"
          label={isPrediction ? t("predictionLabel") : t("editorLabel")}
          value={code}
          onChange={edit}
          minLines={isPrediction ? 8 : 14}
          onRun={!isPrediction && canSubmit ? () => void act("run") : undefined}
          onSubmit={canSubmit ? () => void act("submit") : undefined}
        />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        {!isPrediction ? (
          <button type="button" className={secondaryButton} disabled={!canSubmit || busy !== null} onClick={() => void act("run")}>
            {busy === "run" ? t("running") : t("run")}
          </button>
        ) : null}
        <button type="button" className={primaryButton} disabled={!canSubmit || waiting} onClick={() => void act("submit")}>
          {busy === "submit" ? t("submitting") : t("submit")}
        </button>
        {!canSubmit ? <span className="text-lg font-semibold text-amber-900">{t("closedNotice")}</span> : null}
        {error ? (
          <span role="alert" className="text-lg font-semibold text-red-700">
            {error}
          </span>
        ) : null}
      </div>
      {result ? <ResultPanel result={result} /> : null}
    </div>
  );
}
