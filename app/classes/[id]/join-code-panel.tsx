"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useErrorText } from "@/app/_lib/use-error-text";
import { rotateJoinCodeAction } from "@/app/classes/[id]/actions";
import { FormError } from "@/app/_components/form-error";
import { secondaryButton } from "@/app/_components/button-styles";

/** The join code in projector size, the join link with a copy button, and code rotation. */
export function JoinCodePanel({ classId, joinCode, origin }: { classId: string; joinCode: string; origin: string }) {
  const t = useTranslations("classPage");
  const errorText = useErrorText();
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const joinLink = `${origin}/join/${encodeURIComponent(joinCode)}`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(joinLink);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  }

  function rotate() {
    if (!window.confirm(t("rotateConfirm"))) return;
    startTransition(async () => {
      const result = await rotateJoinCodeAction({ classId });
      setError(result.ok ? null : errorText.message(result.error));
    });
  }

  return (
    <section
      aria-labelledby="join-code-label"
      className="flex flex-col gap-5 rounded-2xl bg-slate-900 p-8 text-white shadow-lg"
    >
      <div>
        <h2 id="join-code-label" className="text-xl font-semibold uppercase tracking-wider text-slate-300">
          {t("joinCodeLabel")}
        </h2>
        <p
          data-testid="join-code"
          className="mt-2 break-all font-mono text-6xl font-extrabold tracking-[0.15em] text-amber-300 sm:text-8xl"
        >
          {joinCode}
        </p>
      </div>
      <div className="flex flex-col gap-2">
        <span className="text-lg font-semibold text-slate-300">{t("joinLinkLabel")}</span>
        <div className="flex flex-wrap items-center gap-3">
          <code className="rounded-lg bg-slate-800 px-3 py-2 text-lg break-all text-slate-100">{joinLink}</code>
          <button type="button" onClick={copy} className={secondaryButton} aria-live="polite">
            {copied ? t("copied") : t("copy")}
          </button>
          <button type="button" onClick={rotate} disabled={pending} className={secondaryButton}>
            {t("rotate")}
          </button>
        </div>
      </div>
      <FormError message={error} />
    </section>
  );
}
