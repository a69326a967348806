import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/app/_lib/session";
import { card } from "@/app/_components/button-styles";
import { ChangePasswordForm } from "@/app/account/change-password-form";
import { SignOutEverywhere } from "@/app/account/sign-out-everywhere";

export const dynamic = "force-dynamic";

/** The signed-in user's account: who they are, and ending every session at once. */
export default async function AccountPage() {
  const user = await requirePageUser("/account");
  const t = await getTranslations("account");
  const rows: [string, string][] = [
    [t("name"), user.name],
    [t("email"), user.email],
    [t("role"), user.role === "instructor" ? t("roleInstructor") : t("roleStudent")],
  ];
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <div>
        <h1 className="text-4xl font-extrabold text-slate-950">{t("title")}</h1>
        <p className="mt-2 text-xl text-slate-700">{t("lead")}</p>
      </div>
      <section aria-labelledby="account-details" className={card}>
        <h2 id="account-details" className="mb-3 text-2xl font-bold text-slate-950">
          {t("detailsTitle")}
        </h2>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-lg sm:grid-cols-[auto_1fr]">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-semibold text-slate-700">{label}</dt>
              <dd className="mb-2 break-all text-slate-950 sm:mb-0">{value}</dd>
            </div>
          ))}
        </dl>
        {user.isAdmin ? (
          <p className="mt-4 text-lg">
            <span className="mr-2 rounded-md bg-brand-100 px-2 py-0.5 font-semibold text-brand-800">{t("admin")}</span>
            <Link href="/admin/users" className="font-semibold text-brand-700 underline underline-offset-4">
              {t("manageUsers")}
            </Link>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="account-password" className={card}>
        <h2 id="account-password" className="mb-2 text-2xl font-bold text-slate-950">
          {t("passwordTitle")}
        </h2>
        <p className="mb-4 text-lg text-slate-700">{t("passwordLead")}</p>
        <ChangePasswordForm email={user.email} />
      </section>
      <section aria-labelledby="account-sessions" className={card}>
        <h2 id="account-sessions" className="mb-2 text-2xl font-bold text-slate-950">
          {t("sessionsTitle")}
        </h2>
        <p className="mb-4 text-lg text-slate-700">{t("sessionsLead")}</p>
        <SignOutEverywhere />
      </section>
    </div>
  );
}
