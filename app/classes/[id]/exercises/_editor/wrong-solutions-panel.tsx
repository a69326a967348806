"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import type { WrongSolutionView } from "@/lib/exercises/wrong-solution.types";
import { callApi } from "@/app/_lib/api-client";
import { useErrorText } from "@/app/_lib/use-error-text";
import { dangerButton, secondaryButton } from "@/app/_components/button-styles";

type Listed = { wrongSolutions: WrongSolutionView[] };

/**
 * The exercise's named wrong solutions (exported as `wrong/NAME.py`): the program in the "try"
 * editor is saved under a name when it FAILS the saved spec (the server checks it again); each
 * saved one can be loaded back into the editor or deleted.
 */
export function WrongSolutionsPanel({
  exerciseId,
  code,
  onLoad,
}: {
  exerciseId: string;
  code: string;
  onLoad: (code: string) => void;
}) {
  const t = useTranslations("exerciseEditor");
  const zh = useLocale() === "zh-CN";
  const errorText = useErrorText();
  const [saved, setSaved] = useState<WrongSolutionView[]>([]);
  const [name, setName] = useState("");
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    let live = true;
    void callApi<Listed>(`/api/exercises/${exerciseId}/wrong-solutions`, "GET").then((response) => {
      if (live && response.ok) setSaved(response.data.wrongSolutions);
    });
    return () => {
      live = false;
    };
  }, [exerciseId]);

  function save() {
    startTransition(async () => {
      const response = await callApi<Listed>(`/api/exercises/${exerciseId}/wrong-solutions`, "POST", { name, code });
      if (response.ok) setSaved(response.data.wrongSolutions);
      setNotice(
        response.ok
          ? { text: t("wrongSaved", { file: `wrong/${name.trim().replace(/\.py$/, "")}.py` }), error: false }
          : { text: errorText.message(response.error), error: true },
      );
    });
  }

  function remove(entry: WrongSolutionView) {
    startTransition(async () => {
      const url = `/api/exercises/${exerciseId}/wrong-solutions/${encodeURIComponent(entry.name)}`;
      const response = await callApi<Listed>(url, "DELETE");
      if (response.ok) setSaved(response.data.wrongSolutions);
      setNotice(
        response.ok
          ? { text: t("wrongDeleted", { file: entry.file }), error: false }
          : { text: errorText.message(response.error), error: true },
      );
    });
  }

  return (
    <div className="flex flex-col gap-3 border-t-2 border-slate-100 pt-4">
      <h3 className="text-xl font-bold text-slate-950">{t("wrongTitle")}</h3>
      <p className="text-base text-slate-600">{t("wrongHint")}</p>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-base font-semibold text-slate-800">
          {t("wrongName")}
          <input
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder="sequential-awaits"
            maxLength={60}
            className="min-h-11 rounded-lg border-2 border-slate-300 px-3 text-base font-normal"
          />
        </label>
        <button type="button" onClick={save} disabled={pending || name.trim() === ""} className={secondaryButton}>
          {t("wrongSave")}
        </button>
      </div>
      {notice ? (
        <p
          role={notice.error ? "alert" : "status"}
          className={`text-base font-semibold ${notice.error ? "text-red-700" : "text-emerald-800"}`}
        >
          {notice.text}
        </p>
      ) : null}
      {saved.length === 0 ? (
        <p className="text-base text-slate-600">{t("wrongNone")}</p>
      ) : (
        <ul className="flex flex-col gap-2" aria-label={t("wrongTitle")}>
          {saved.map((entry) => (
            <li key={entry.file} className="flex flex-wrap items-center gap-3 rounded-lg bg-slate-50 px-3 py-2">
              <code className="font-semibold text-slate-950">{entry.file}</code>
              <span className="min-w-0 text-sm text-slate-600 [overflow-wrap:anywhere]">
                {t("wrongDivergence", { reason: entry.divergence })}
              </span>
              <span className="min-w-0 basis-full text-base text-slate-800 [overflow-wrap:anywhere] sm:basis-0 sm:flex-1">
                {(zh && entry.explanation.zh) || entry.explanation.en}
              </span>
              <button type="button" onClick={() => onLoad(entry.code)} className={secondaryButton}>
                {t("wrongLoad")}
              </button>
              <button type="button" onClick={() => remove(entry)} disabled={pending} className={dangerButton}>
                {t("wrongDelete")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
