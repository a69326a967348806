"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { primaryButton, secondaryButton } from "@/app/_components/button-styles";

interface ActionBarProps {
  showRun: boolean;
  canSubmit: boolean;
  busy: "run" | "submit" | null;
  /** A submission is being graded: Submit waits for it. */
  pending: boolean;
  onRun(): void;
  onSubmit(): void;
  error: string | null;
}

/**
 * Run and Submit with their keyboard shortcuts and what each one does. A busy button is
 * aria-disabled, not disabled, so the keyboard focus stays on it instead of falling to the page.
 */
export function ActionBar({ showRun, canSubmit, busy, pending, onRun, onSubmit, error }: ActionBarProps) {
  const t = useTranslations("exercises");
  const tPage = useTranslations("exercisePage");
  const [mac, setMac] = useState(false);
  useEffect(() => setMac(/Mac|iPhone|iPad/.test(navigator.platform)), []);
  const runBlocked = !canSubmit || busy !== null;
  const submitBlocked = !canSubmit || busy !== null || pending;
  const blocked = "aria-disabled:cursor-not-allowed aria-disabled:opacity-70";
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-4">
        {showRun ? (
          <button
            type="button"
            className={`${secondaryButton} ${blocked} gap-2`}
            aria-disabled={runBlocked}
            aria-keyshortcuts="Control+Enter Meta+Enter"
            onClick={() => !runBlocked && onRun()}
            aria-describedby="run-hint"
          >
            {busy === "run" ? t("running") : t("run")}
            <kbd className="rounded border border-slate-300 bg-slate-100 px-1.5 font-sans text-sm text-slate-700">
              {tPage(mac ? "shortcutRunMac" : "shortcutRun")}
            </kbd>
          </button>
        ) : null}
        <button
          type="button"
          className={`${primaryButton} ${blocked} gap-2`}
          aria-disabled={submitBlocked}
          aria-keyshortcuts="Control+Shift+Enter Meta+Shift+Enter"
          onClick={() => !submitBlocked && onSubmit()}
          aria-describedby="submit-hint"
        >
          {busy === "submit" ? t("submitting") : t("submit")}
          <kbd className="rounded border border-white/40 bg-white/10 px-1.5 font-sans text-sm text-white">
            {tPage(mac ? "shortcutSubmitMac" : "shortcutSubmit")}
          </kbd>
        </button>
        {!canSubmit ? <span className="text-lg font-semibold text-amber-900">{t("closedNotice")}</span> : null}
        {error ? (
          <span role="alert" className="text-lg font-semibold text-red-700">
            {error}
          </span>
        ) : null}
      </div>
      <ul className="text-base text-slate-700">
        {showRun ? <li id="run-hint">{tPage("runHint")}</li> : null}
        <li id="submit-hint">{tPage("submitHint")}</li>
      </ul>
    </div>
  );
}
