"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { callApi, type ApiError } from "@/app/_lib/api-client";
import { useErrorText } from "@/app/_lib/use-error-text";
import { Field } from "@/app/_components/field";
import { FormError } from "@/app/_components/form-error";
import { primaryButton } from "@/app/_components/button-styles";

export function CreateClassForm() {
  const t = useTranslations("dashboard");
  const tErrors = useTranslations("apiErrors");
  const errorText = useErrorText();
  const router = useRouter();
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    if (!name.trim()) return setError({ code: "BAD_REQUEST", message: tErrors("classNameRequired") });
    setPending(true);
    setError(null);
    const result = await callApi<{ class: { id: string } }>("/api/classes", "POST", { name });
    if (!result.ok) {
      setPending(false);
      setError(result.error);
      return;
    }
    router.push(`/classes/${result.data.class.id}`);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4 sm:flex-row sm:items-start" noValidate>
      <div className="flex-1">
        <Field
          name="name"
          label={t("className")}
          placeholder={t("classNamePlaceholder")}
          required
          maxLength={100}
          errors={errorText.field(error, "name") ?? (error ? [errorText.message(error)] : undefined)}
        />
      </div>
      <button type="submit" className={`${primaryButton} sm:mt-9`} disabled={pending}>
        {t("createSubmit")}
      </button>
    </form>
  );
}
