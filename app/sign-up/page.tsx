import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSessionUser } from "@/app/_lib/session";
import { safeCallbackUrl } from "@/app/_lib/safe-callback";
import { card } from "@/app/_components/button-styles";
import { SignUpForm } from "@/app/sign-up/sign-up-form";

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const t = await getTranslations("auth");
  return (
    <div className={`mx-auto flex max-w-lg flex-col gap-6 ${card}`}>
      <div>
        <h1 className="text-4xl font-extrabold text-slate-950">{t("signUpTitle")}</h1>
        <p className="mt-2 text-lg text-slate-700">{t("signUpLead")}</p>
      </div>
      <SignUpForm callbackUrl={callbackUrl} />
      <p className="text-lg text-slate-700">
        {t("haveAccount")}{" "}
        <Link
          href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}
          className="font-semibold text-brand-700 underline underline-offset-4"
        >
          {t("submitSignIn")}
        </Link>
      </p>
    </div>
  );
}
