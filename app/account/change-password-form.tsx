"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import type { PasswordRule } from "@/lib/auth/password-rules";
import { callApi, type ApiError } from "@/app/_lib/api-client";
import { useErrorText } from "@/app/_lib/use-error-text";
import { primaryButton } from "@/app/_components/button-styles";
import { Field } from "@/app/_components/field";
import { FormError } from "@/app/_components/form-error";

const RULES: readonly string[] = [
  "tooShort",
  "tooLong",
  "common",
  "repetitive",
  "containsEmail",
  "containsName",
] satisfies PasswordRule[];

/**
 * Current + new password. The server ends every session of the account on success, so this
 * browser signs in again with the new password right away. Refusals arrive as rule codes and are
 * shown in the page's language.
 */
export function ChangePasswordForm({ email }: { email: string }) {
  const t = useTranslations("account");
  const tPassword = useTranslations("password");
  const errorText = useErrorText();
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);

  function fieldErrors(name: "currentPassword" | "newPassword"): string[] | undefined {
    const code = error?.details?.[`${name}.rule`]?.[0];
    if (code === "wrongCurrent") return [t("wrongCurrentPassword")];
    if (code && RULES.includes(code)) return [tPassword(code as PasswordRule)];
    return errorText.field(error, name);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const newPassword = String(data.get("newPassword") ?? "");
    setPending(true);
    setError(null);
    setDone(false);
    const result = await callApi("/api/account/password", "POST", {
      currentPassword: String(data.get("currentPassword") ?? ""),
      newPassword,
    });
    if (!result.ok) {
      setPending(false);
      return setError(result.error);
    }
    await signIn("credentials", { email, password: newPassword, redirect: false });
    setPending(false);
    setDone(true);
    form.reset();
  }

  const formMessage = error && !error.details ? errorText.message(error) : null;
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <FormError message={formMessage} />
      <Field
        name="currentPassword"
        type="password"
        label={t("currentPassword")}
        autoComplete="current-password"
        required
        errors={fieldErrors("currentPassword")}
      />
      <Field
        name="newPassword"
        type="password"
        label={t("newPassword")}
        hint={t("newPasswordHint")}
        autoComplete="new-password"
        required
        errors={fieldErrors("newPassword")}
      />
      {done ? (
        <p role="status" className="font-semibold text-green-800">
          {t("passwordChanged")}
        </p>
      ) : null}
      <div>
        <button type="submit" className={primaryButton} disabled={pending}>
          {pending ? t("pending") : t("changePassword")}
        </button>
      </div>
    </form>
  );
}
