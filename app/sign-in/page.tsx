import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSessionUser } from "@/app/_lib/session";
import { safeCallbackUrl } from "@/app/_lib/safe-callback";
import { card } from "@/app/_components/button-styles";
import { authOptions } from "@/lib/auth/next-auth-options";
import { FormError } from "@/app/_components/form-error";
import { OAuthButtons } from "@/app/sign-in/oauth-buttons";
import { SignInForm } from "@/app/sign-in/sign-in-form";

type SearchParams = Record<string, string | string[] | undefined>;

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const t = await getTranslations("auth");
  const oauthProviders = authOptions.providers
    .filter((p) => p.type === "oauth")
    .map((p) => ({ id: p.id, label: t("continueWith", { provider: p.name }) }));
  // next-auth redirects here with ?error=… after a failed OAuth or credentials round trip.
  const error =
    params.error === "OAuthAccountNotLinked"
      ? t("oauthNotLinked")
      : params.error === "CredentialsSignin"
        ? t("invalidCredentials")
        : params.error
          ? t("oauthFailed")
          : null;
  return (
    <div className={`mx-auto flex max-w-lg flex-col gap-6 ${card}`}>
      <div>
        <h1 className="text-4xl font-extrabold text-slate-950">{t("signInTitle")}</h1>
        <p className="mt-2 text-lg text-slate-700">{t("signInLead")}</p>
      </div>
      <FormError message={error} />
      <SignInForm callbackUrl={callbackUrl} />
      <OAuthButtons providers={oauthProviders} callbackUrl={callbackUrl} />
      <p className="text-lg text-slate-700">
        {t("noAccount")}{" "}
        <Link
          href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`}
          className="font-semibold text-brand-700 underline underline-offset-4"
        >
          {t("submitSignUp")}
        </Link>
      </p>
    </div>
  );
}
