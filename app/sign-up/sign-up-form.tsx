"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { callApi, type ApiError } from "@/app/_lib/api-client";
import { Field } from "@/app/_components/field";
import { FormError } from "@/app/_components/form-error";
import { primaryButton } from "@/app/_components/button-styles";
import { RoleChoice } from "@/app/sign-up/role-choice";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  // Someone arriving from a join link is almost certainly a student.
  const defaultRole = callbackUrl.startsWith("/join/") ? "student" : "instructor";

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      role: String(form.get("role") ?? ""),
    };
    setPending(true);
    setError(null);
    const created = await callApi("/api/auth/signup", "POST", input);
    if (!created.ok) {
      setPending(false);
      setError(created.error);
      return;
    }
    const session = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
    setPending(false);
    if (!session || session.error) {
      setError({ code: "INTERNAL", message: t("genericError") });
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  const fieldErrors = (name: string) => error?.details?.[name];
  const formMessage = error && !error.details ? error.message : null;

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
