"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field } from "@/app/_components/field";
import { FormError } from "@/app/_components/form-error";
import { primaryButton } from "@/app/_components/button-styles";
import { SIGN_IN_RATE_LIMITED } from "@/lib/auth/sign-in-errors";

/** next-auth's `error` is a code: a wrong password, our rate limit, or anything else. */
function signInErrorText(
  error: string | null | undefined,
  t: (key: "invalidCredentials" | "tooManyAttempts" | "genericError") => string,
): string {
  if (error === "CredentialsSignin") return t("invalidCredentials");
  if (error === SIGN_IN_RATE_LIMITED) return t("tooManyAttempts");
  return t("genericError");
}

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (!result || result.error) {
      setError(signInErrorText(result?.error, t));
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      <FormError message={error} />
      <Field name="email" type="email" label={t("email")} autoComplete="email" required />
      <Field name="password" type="password" label={t("password")} autoComplete="current-password" required />
      <button type="submit" className={primaryButton} disabled={pending}>
        {pending ? t("submitting") : t("submitSignIn")}
      </button>
    </form>
  );
}
