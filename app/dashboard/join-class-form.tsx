"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { callApi, type ApiError } from "@/app/_lib/api-client";
import { Field } from "@/app/_components/field";
import { primaryButton } from "@/app/_components/button-styles";

export function JoinClassForm() {
  const t = useTranslations("dashboard");
  const router = useRouter();
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const code = String(new FormData(form).get("code") ?? "");
    setPending(true);
    setError(null);
    const result = await callApi<{ class: { id: string } }>("/api/classes/join", "POST", { code });
    setPending(false);
    if (!result.ok) {
      setError(result.error);
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
          errors={error?.details?.code ?? (error ? [error.message] : undefined)}
        />
      </div>
      <button type="submit" className={`${primaryButton} sm:mt-9`} disabled={pending}>
        {t("joinSubmit")}
      </button>
    </form>
  );
}
