"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { callApi } from "@/app/_lib/api-client";
import { useErrorText } from "@/app/_lib/use-error-text";
import { secondaryButton } from "@/app/_components/button-styles";

interface Progress {
  pending: number;
  done: number;
  total: number;
}

const POLL_MS = 1000;

/** Regrades every submission against the current version and shows the progress until it is done. */
export function RegradeButton({ exerciseId, version }: { exerciseId: string; version: number }) {
  const t = useTranslations("liveDashboard");
  const errorText = useErrorText();
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(async () => {
      const result = await callApi<Progress>(`/api/exercises/${exerciseId}/grading-progress`, "GET");
      if (!result.ok) return;
      setProgress(result.data);
      if (result.data.pending === 0) setRunning(false);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running, exerciseId]);

  async function regrade() {
    if (!window.confirm(t("regradeConfirm", { version }))) return;
    const result = await callApi<{ requeued: number }>(`/api/exercises/${exerciseId}/regrade`, "POST", {});
    if (!result.ok) return setError(errorText.message(result.error));
    setError(null);
    setProgress({ pending: result.data.requeued, done: 0, total: result.data.requeued });
    setRunning(result.data.requeued > 0);
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button type="button" className={secondaryButton} onClick={regrade} disabled={running}>
        {t("regrade", { version })}
      </button>
      {progress ? (
        <span role="status" className="inline-flex items-center gap-2 text-base font-semibold text-slate-800">
          <progress
            max={Math.max(1, progress.total)}
            value={progress.done}
            className="h-3 w-28"
            aria-label={t("regradeProgressLabel")}
          />
          {running
            ? t("regradeProgress", { done: progress.done, total: progress.total })
            : t("regradeDone", { total: progress.total })}
        </span>
      ) : null}
      {error ? (
        <span role="alert" className="text-base font-semibold text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
