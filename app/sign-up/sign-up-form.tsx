"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { callApi, type ApiError } from "@/app/_lib/api-client";
import { useErrorText } from "@/app/_lib/use-error-text";
import { Field } from "@/app/_components/field";
import { FormError } from "@/app/_components/form-error";
import { primaryButton } from "@/app/_components/button-styles";
import { RoleChoice } from "@/app/sign-up/role-choice";
import type { PasswordRule } from "@/lib/auth/password-rules";

const PASSWORD_RULE_CODES: readonly string[] = [
  "tooShort",
  "tooLong",
  "common",
  "repetitive",
  "containsEmail",
  "containsName",
] satisfies PasswordRule[];

function isPasswordRule(code: string): code is PasswordRule {
  return PASSWORD_RULE_CODES.includes(code);
}

type SignUpValues = { name: string; email: string; password: string; role: string };

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const tErrors = useTranslations("apiErrors");
  const tPassword = useTranslations("password");
  const errorText = useErrorText();
  const router = useRouter();
  // Field messages produced here are already in the UI's language; API errors go through useErrorText.
  const [localErrors, setLocalErrors] = useState<Record<string, string[]> | null>(null);
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  // Someone arriving from a join link is almost certainly a student.
  const defaultRole = callbackUrl.startsWith("/join/") ? "student" : "instructor";

  // The server validates too; checking here first gives instant messages in the UI's language.
  function localCheck(values: SignUpValues): Record<string, string[]> | null {
    const details: Record<string, string[]> = {};
    if (!values.name.trim()) details.name = [tErrors("nameRequired")];
    if (!/^\S+@\S+\.\S+$/.test(values.email.trim())) details.email = [tErrors("emailInvalid")];
    if ([...values.password].length < 8) details.password = [tPassword("tooShort")];
    return Object.keys(details).length ? details : null;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values: SignUpValues = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      role: String(form.get("role") ?? ""),
    };
    const invalid = localCheck(values);
    setLocalErrors(invalid);
    setApiError(null);
    if (invalid) return;
    setPending(true);
    const created = await callApi("/api/auth/signup", "POST", values);
    if (!created.ok) {
      setPending(false);
      if (created.error.code === "CONFLICT") setLocalErrors({ email: [tErrors("emailTaken")] });
      else setApiError(created.error);
      return;
    }
    const session = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    setPending(false);
    if (!session || session.error) return setApiError({ code: "INTERNAL", message: t("genericError") });
    router.push(callbackUrl);
    router.refresh();
  }

  const fieldErrors = (name: string) =>
    localErrors?.[name] ?? (name === "password" ? passwordErrors(apiError) : null) ?? errorText.field(apiError, name);
  // The server names the broken password rule (`password.rule`); show it in the page's language.
  function passwordErrors(error: ApiError | null): string[] | null {
    const rule = error?.details?.["password.rule"]?.[0];
    return rule && isPasswordRule(rule) ? [tPassword(rule)] : null;
  }
  const formMessage = apiError && !apiError.details ? errorText.message(apiError) : null;

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      <FormError message={formMessage} />
      <Field name="name" label={t("name")} autoComplete="name" required errors={fieldErrors("name")} />
      <Field name="email" type="email" label={t("email")} autoComplete="email" required errors={fieldErrors("email")} />
      <Field
        name="password"
        type="password"
        label={t("password")}
        hint={t("passwordHint")}
        autoComplete="new-password"
        required
        minLength={8}
        errors={fieldErrors("password")}
      />
      <RoleChoice defaultRole={defaultRole} errors={fieldErrors("role")} />
      <button type="submit" className={primaryButton} disabled={pending}>
        {pending ? t("submitting") : t("submitSignUp")}
      </button>
    </form>
  );
}
