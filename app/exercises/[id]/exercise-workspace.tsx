"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { callApi } from "@/app/_lib/api-client";
import { useErrorText } from "@/app/_lib/use-error-text";
import { PythonEditor } from "@/app/_components/python-editor/python-editor";
import { ActionBar } from "@/app/exercises/[id]/action-bar";
import { ResultPanel } from "@/app/exercises/[id]/result-panel";
import {
  isPending,
  queuedResult,
  resultFromRun,
  resultFromSubmission,
  type ResultView,
} from "@/app/exercises/[id]/result-view";
import { PredictionInput } from "@/app/exercises/[id]/prediction-input";
import { SubmissionHistory } from "@/app/exercises/[id]/submission-history";
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
  /** Predict-output with a line bank: the lines to order (shuffled), else null. */
  lineBank: string[] | null;
  canSubmit: boolean;
  latestSubmissionId: string | null;
  /** Set when the page was opened from an assignment: submissions count toward it. */
  assignmentId?: string;
}

/**
 * The student's side of an exercise: the editor (code, or the predicted lines), Run and Submit,
 * the result and the history of attempts. A submission's verdict arrives live (socket) with
 * polling as the fallback. The draft is kept in this browser so a reload does not lose work.
 */
export function ExerciseWorkspace({
  exerciseId,
  classId,
  liveRound,
  kind,
  starterCode,
  lineBank,
  canSubmit,
  latestSubmissionId,
  assignmentId,
}: WorkspaceProps) {
  const t = useTranslations("exercises");
  const tPage = useTranslations("exercisePage");
  const errorText = useErrorText();
  const draftKey = `interleave:draft:${exerciseId}`;
  const [code, setCode] = useState(starterCode);
  const [result, setResult] = useState<ResultView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"run" | "submit" | null>(null);
  const isPrediction = kind === "PREDICT_OUTPUT";

  useEffect(() => {
    const saved = window.localStorage.getItem(draftKey);
    if (saved !== null) setCode(saved);
  }, [draftKey]);

  useEffect(() => {
    if (latestSubmissionId) void open(latestSubmissionId, { onlyIfEmpty: true });
  }, [latestSubmissionId]);

  useSubmissionUpdates(result, setResult);
  const round = useLiveRound(classId, exerciseId, liveRound);

  function edit(next: string) {
    setCode(next);
    window.localStorage.setItem(draftKey, next);
  }

  async function open(id: string, options: { onlyIfEmpty?: boolean } = {}) {
    const response = await callApi<SubmissionView>(`/api/submissions/${id}`, "GET");
    const opened = response.ok ? resultFromSubmission(response.data) : null;
    if (opened) setResult((current) => (options.onlyIfEmpty && current ? current : opened));
    else if (!response.ok && !options.onlyIfEmpty) setError(errorText.message(response.error));
  }

  async function act(action: "run" | "submit") {
    if (busy !== null || !canSubmit || (action === "submit" && isPending(result))) return;
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

  // The editor marks the line of an error in the code it shows (not in an opened older attempt).
  const errorLine =
    result?.run && result.run.status === "error" && (result.code === null || result.code === code)
      ? result.run.errorLine
      : null;
  const label = isPrediction ? t("predictionLabel") : t("editorLabel");
  const editor = (
    <div className="flex flex-col gap-2">
      <label htmlFor="exercise-editor" className="text-xl font-bold text-slate-950">
        {label}
      </label>
      <p id="editor-help" className="text-base text-slate-700">
        {tPage("editorHelp")}
      </p>
      <PythonEditor
        id="exercise-editor"
        label={label}
        describedBy="editor-help"
        value={code}
        onChange={edit}
        errorLine={errorLine}
        minLines={isPrediction ? 8 : 14}
        onRun={!isPrediction && canSubmit ? () => void act("run") : undefined}
        onSubmit={canSubmit ? () => void act("submit") : undefined}
      />
    </div>
  );
  return (
    <div className="flex flex-col gap-6">
      {round ? <RoundBanner round={round} /> : null}
      {isPrediction && lineBank ? (
        <PredictionInput lineBank={lineBank} value={code} onChange={edit} editor={editor} />
      ) : (
        editor
      )}
      <ActionBar
        showRun={!isPrediction}
        canSubmit={canSubmit}
        busy={busy}
        pending={isPending(result)}
        onRun={() => void act("run")}
        onSubmit={() => void act("submit")}
        error={error}
      />
      {result ? <ResultPanel result={result} /> : null}
      <SubmissionHistory
        exerciseId={exerciseId}
        refreshKey={`${result?.submissionId ?? ""}:${result?.state ?? ""}`}
        openId={result?.submissionId ?? null}
        onOpen={(id) => void open(id)}
      />
    </div>
  );
}
