import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getSessionUser } from "@/app/_lib/session";
import { LanguageSwitcher } from "@/app/_components/language-switcher";
import { SessionRefresh } from "@/app/_components/session-refresh";
import { SignOutButton } from "@/app/_components/sign-out-button";
import { isLocale, DEFAULT_LOCALE } from "@/i18n/locales";

export async function SiteHeader() {
  const [user, t, tAccount, tUsers, locale] = await Promise.all([
    getSessionUser(),
    getTranslations("nav"),
    getTranslations("account"),
    getTranslations("adminUsers"),
    getLocale(),
  ]);
  return (
    <header className="border-b-2 border-slate-200 bg-white">
      <nav className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-3 px-6 py-4" aria-label="Main">
        <Link
          href={user ? "/dashboard" : "/"}
          className="flex items-center gap-2 text-2xl font-extrabold tracking-tight text-brand-700"
        >
          <span aria-hidden="true" className="font-mono text-brand-600">
            ⇄
          </span>
          {t("brand")}
        </Link>
        <div className="ml-auto flex flex-wrap items-center gap-4">
          {user ? (
            <>
              <Link href="/dashboard" className="font-semibold text-slate-800 underline-offset-4 hover:underline">
                {t("dashboard")}
              </Link>
              <span className="hidden text-slate-600 sm:inline">{t("signedInAs", { name: user.name })}</span>
              <Link href="/account" className="font-semibold text-slate-800 underline-offset-4 hover:underline">
                {tAccount("navLink")}
              </Link>
              {user.isAdmin ? (
                <Link href="/admin/users" className="font-semibold text-slate-800 underline-offset-4 hover:underline">
                  {tUsers("navLink")}
                </Link>
              ) : null}
              <SignOutButton label={t("signOut")} />
              <SessionRefresh />
            </>
          ) : (
            <>
              <Link href="/sign-in" className="font-semibold text-slate-800 underline-offset-4 hover:underline">
                {t("signIn")}
              </Link>
              <Link
                href="/sign-up"
                className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
              >
                {t("signUp")}
              </Link>
            </>
          )}
          <LanguageSwitcher current={isLocale(locale) ? locale : DEFAULT_LOCALE} label={t("language")} />
        </div>
      </nav>
    </header>
  );
}
