"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { callApi } from "@/app/_lib/api-client";
import { useErrorText } from "@/app/_lib/use-error-text";
import { FormError } from "@/app/_components/form-error";
import { primaryButton } from "@/app/_components/button-styles";

type JoinState =
  { kind: "joining" } | { kind: "joined"; id: string; name: string } | { kind: "failed"; message: string };

export function JoinByLink({ code }: { code: string }) {
  const t = useTranslations("join");
  const tErrors = useTranslations("apiErrors");
  const errorText = useErrorText();
  const [state, setState] = useState<JoinState>({ kind: "joining" });
  // Strict mode runs effects twice in development; join exactly once.
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void callApi<{ class: { id: string; name: string } }>("/api/classes/join", "POST", { code }).then((result) => {
      setState(
        result.ok
          ? { kind: "joined", id: result.data.class.id, name: result.data.class.name }
          : {
              kind: "failed",
              message:
                result.error.code === "NOT_FOUND" ? tErrors("joinCodeNotFound") : errorText.message(result.error),
            },
      );
    });
  }, [code]);

  if (state.kind === "joining")
    return (
      <p className="text-xl text-slate-700" role="status">
        {t("joining", { code })}
      </p>
    );
  if (state.kind === "failed") {
    return (
      <>
        <FormError message={t("failed", { message: state.message })} />
        <Link href="/dashboard" className="text-lg font-semibold text-brand-700 underline underline-offset-4">
          {t("backToDashboard")}
        </Link>
      </>
    );
  }
  return (
    <>
      <p className="text-xl text-slate-800" role="status">
        {t("joined", { name: state.name })}
      </p>
      <Link href={`/classes/${state.id}`} className={primaryButton}>
        {t("goToClass")}
      </Link>
    </>
  );
}
