import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/app/_lib/session";
import { card } from "@/app/_components/button-styles";
import { JoinByLink } from "@/app/join/[code]/join-by-link";

/** The join link: sign in (or up) first, then the browser posts the join — never on a bare GET. */
export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const joinCode = decodeURIComponent(code);
  const user = await requirePageUser(`/join/${encodeURIComponent(joinCode)}`);
  const t = await getTranslations("join");
  return (
    <div className={`mx-auto flex max-w-xl flex-col gap-5 ${card}`}>
      <h1 className="text-4xl font-extrabold text-slate-950">{t("title")}</h1>
      {user.role === "student" ? (
        <JoinByLink code={joinCode} />
      ) : (
        <>
          <p className="text-xl text-slate-700">{t("onlyStudents")}</p>
          <Link href="/dashboard" className="text-lg font-semibold text-brand-700 underline underline-offset-4">
            {t("backToDashboard")}
          </Link>
        </>
      )}
    </div>
  );
}
