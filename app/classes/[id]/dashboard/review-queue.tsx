"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { DashboardReview } from "@/lib/dashboard/get-class-dashboard.types";
import { callApi } from "@/app/_lib/api-client";
import { useErrorText } from "@/app/_lib/use-error-text";
import { dangerButton, secondaryButton } from "@/app/_components/button-styles";
import { DashboardPanel } from "./dashboard-panel";

/** Submissions the sandbox flagged (tampering): the reason and the code; accept counts the score, reject scores 0. */
export function ReviewQueue({
  rows,
  titleOf,
  hideNames,
  onDecided,
}: {
  rows: DashboardReview[];
  titleOf(id: string): string;
  hideNames: boolean;
  onDecided(): void;
}) {
  const t = useTranslations("liveDashboard");
  const errorText = useErrorText();
  const [decided, setDecided] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function decide(row: DashboardReview, decision: "accept" | "reject") {
    startTransition(async () => {
      const result = await callApi(`/api/submissions/${row.submissionId}/review`, "POST", { decision });
      if (!result.ok) return setError(errorText.message(result.error));
      setError(null);
      setDecided((d) => ({ ...d, [row.submissionId]: decision === "accept" ? t("accepted") : t("rejected") }));
      onDecided();
    });
  }

  return (
    <DashboardPanel
      titleId="review-title"
      title={
        <>
          {t("reviewTitle")} <span className="text-slate-500">({rows.length})</span>
        </>
      }
      before={
        error ? (
          <p role="alert" className="text-base font-semibold text-red-700">
            {error}
          </p>
        ) : null
      }
      empty={rows.length === 0 ? t("reviewEmpty") : null}
    >
      <ul className="flex flex-col gap-4">
        {rows.map((row) => (
          <li
            key={row.submissionId}
            className="flex flex-col gap-2 rounded-xl border-2 border-amber-300 bg-amber-50 p-4"
          >
            <p className="text-lg">
              <span className="font-semibold">{hideNames ? t("hidden") : row.studentName}</span> ·{" "}
              {titleOf(row.exerciseId)} · {t("attempt", { n: row.attemptNumber })}
            </p>
            <p className="text-base text-amber-900">{t("reviewReason", { reason: row.reason })}</p>
            <details>
              <summary className="cursor-pointer text-base font-semibold text-brand-700">{t("showCode")}</summary>
              <pre className="mt-2 max-h-80 overflow-auto rounded-lg bg-slate-900 p-3 font-mono text-base text-slate-50">
                {row.code}
              </pre>
            </details>
            {decided[row.submissionId] ? (
              <p role="status" className="font-semibold text-slate-800">
                {decided[row.submissionId]}
              </p>
            ) : (
              <div className="flex gap-3">
                <button
                  type="button"
                  className={secondaryButton}
                  disabled={pending}
                  onClick={() => decide(row, "accept")}
                >
                  {t("accept")}
                </button>
                <button type="button" className={dangerButton} disabled={pending} onClick={() => decide(row, "reject")}>
                  {t("reject")}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </DashboardPanel>
  );
}
