"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import type { SubmissionHistory as History, SubmissionSummary } from "@/lib/grading/list-submissions.types";
import { callApi } from "@/app/_lib/api-client";
import { secondaryButton } from "@/app/_components/button-styles";

interface SubmissionHistoryProps {
  exerciseId: string;
  /** Changes whenever a submission was made or graded: the list reloads. */
  refreshKey: string;
  openId: string | null;
  onOpen(id: string): void;
}

/** The student's attempts at this exercise, newest first; any one opens in the result panel. */
export function SubmissionHistory({ exerciseId, refreshKey, openId, onOpen }: SubmissionHistoryProps) {
  const t = useTranslations("exercisePage.history");
  const tState = useTranslations("exercises.state");
  const [rows, setRows] = useState<SubmissionSummary[] | null>(null);
  const [failed, setFailed] = useState(false);

  const load = useCallback(async () => {
    const response = await callApi<History>(`/api/exercises/${exerciseId}/submissions`, "GET");
    setFailed(!response.ok);
    if (response.ok) setRows(response.data.submissions);
  }, [exerciseId]);

  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  return (
    <section aria-labelledby="history-title" className="flex flex-col gap-3" data-testid="submission-history">
      <h2 id="history-title" className="text-2xl font-bold text-slate-950">
        {t("title")}
      </h2>
      {failed ? (
        <p role="alert" className="text-lg font-semibold text-red-700">
          {t("loadFailed")}
        </p>
      ) : null}
      {rows !== null && rows.length === 0 ? <p className="text-lg text-slate-700">{t("empty")}</p> : null}
      {rows !== null && rows.length > 0 ? (
        <ol className="flex flex-col divide-y-2 divide-slate-100 rounded-2xl border-2 border-slate-200 bg-white">
          {rows.map((row) => {
            const state = row.status;
            const open = row.id === openId;
            return (
              <li
                key={row.id}
                className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 text-lg"
                data-testid="history-row"
              >
                <span className="font-bold text-slate-950">{t("attempt", { n: row.attemptNumber })}</span>
                <span
                  className={
                    state === "passed"
                      ? "font-semibold text-emerald-800"
                      : state === "failed"
                        ? "font-semibold text-red-800"
                        : "text-slate-700"
                  }
                >
                  {state === "passed" ? "✓ " : state === "failed" ? "✗ " : ""}
                  {tState(state)}
                </span>
                {row.score !== null ? (
                  <span className="tabular-nums text-slate-800">{t("score", { score: Math.round(row.score) })}</span>
                ) : null}
                <time dateTime={row.queuedAt} className="text-base text-slate-600">
                  {new Date(row.queuedAt).toLocaleString()}
                </time>
                <button
                  type="button"
                  className={`${secondaryButton} ml-auto`}
                  onClick={() => onOpen(row.id)}
                  aria-pressed={open}
                >
                  {open ? t("opened") : t("open")}
                  <span className="sr-only"> — {t("attempt", { n: row.attemptNumber })}</span>
                </button>
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}
