import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { listUsers, USER_LIST_LIMIT } from "@/lib/auth/list-users";
import { AppError } from "@/lib/errors/app-error";
import { requirePageUser } from "@/app/_lib/session";
import { card, secondaryButton } from "@/app/_components/button-styles";
import { UserRoleControl } from "@/app/admin/users/user-role-control";

export const dynamic = "force-dynamic";

/** Administrators: every account with its role; a role change applies to the user at once. */
export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const user = await requirePageUser("/admin/users");
  const t = await getTranslations("adminUsers");
  const raw = (await searchParams).q;
  const query = typeof raw === "string" ? raw.slice(0, 200) : "";
  let users;
  try {
    users = await listUsers({ userId: user.id, query: query || undefined });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-4xl font-extrabold text-slate-950">{t("title")}</h1>
        <p className="mt-2 text-xl text-slate-700">{t("lead")}</p>
      </div>
      <form role="search" className="flex flex-wrap items-end gap-3" action="/admin/users">
        <label className="flex min-w-0 grow flex-col gap-1 text-lg font-semibold text-slate-800">
          {t("search")}
          <input
            type="search"
            name="q"
            defaultValue={query}
            maxLength={200}
            className="rounded-lg border-2 border-slate-400 px-3 py-2 text-lg font-normal"
          />
        </label>
        <button type="submit" className={secondaryButton}>
          {t("searchButton")}
        </button>
      </form>
      <section aria-labelledby="users-heading" className={card}>
        <h2 id="users-heading" className="mb-3 text-2xl font-bold text-slate-950">
          {t("count", { count: users.length })}
        </h2>
        {users.length === USER_LIST_LIMIT ? <p className="mb-3 text-slate-700">{t("limited")}</p> : null}
        {users.length === 0 ? (
          <p className="text-lg text-slate-700">{t("empty")}</p>
        ) : (
          <ul className="flex flex-col divide-y-2 divide-slate-100">
            {users.map((row) => (
              <li key={row.id} className="flex flex-wrap items-center gap-x-6 gap-y-2 py-3">
                <div className="min-w-0 grow">
                  <p className="text-lg font-semibold text-slate-950">
                    {row.name}
                    {row.isAdmin ? (
                      <span className="ml-2 rounded-md bg-brand-100 px-2 py-0.5 text-base font-semibold text-brand-800">
                        {t("admin")}
                      </span>
                    ) : null}
                    {row.id === user.id ? <span className="ml-2 text-base text-slate-600">{t("you")}</span> : null}
                  </p>
                  <p className="break-all text-slate-700">{row.email}</p>
                </div>
                <UserRoleControl userId={row.id} name={row.name} role={row.role} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
