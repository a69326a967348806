"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { callApi, type ApiError } from "@/app/_lib/api-client";
import { useErrorText } from "@/app/_lib/use-error-text";
import { Field } from "@/app/_components/field";
import { primaryButton } from "@/app/_components/button-styles";

export function JoinClassForm() {
  const t = useTranslations("dashboard");
  const tErrors = useTranslations("apiErrors");
  const errorText = useErrorText();
  const router = useRouter();
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const code = String(new FormData(form).get("code") ?? "");
    if (!code.trim()) return setError({ code: "BAD_REQUEST", message: tErrors("joinCodeRequired") });
    setPending(true);
    setError(null);
    const result = await callApi<{ class: { id: string } }>("/api/classes/join", "POST", { code });
    setPending(false);
    if (!result.ok) {
      // A wrong code is the common case: say so in the UI's language.
      setError(
        result.error.code === "NOT_FOUND" ? { code: "NOT_FOUND", message: tErrors("joinCodeNotFound") } : result.error,
      );
      return;
    }
    form.reset();
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4 sm:flex-row sm:items-start" noValidate>
      <div className="flex-1">
        <Field
          name="code"
          label={t("joinCode")}
          hint={t("joinCodeHint")}
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          className="font-mono uppercase tracking-widest"
          errors={
            errorText.field(error, "code") ??
            (error ? [error.code === "NOT_FOUND" ? error.message : errorText.message(error)] : undefined)
          }
        />
      </div>
      <button type="submit" className={`${primaryButton} sm:mt-9`} disabled={pending}>
        {t("joinSubmit")}
      </button>
    </form>
  );
}
