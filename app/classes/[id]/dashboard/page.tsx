import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getClassDashboard } from "@/lib/dashboard/get-class-dashboard";
import { requirePageUser } from "@/app/_lib/session";
import { notFoundOnAppError } from "@/app/_lib/not-found-on-app-error";
import { LiveDashboard } from "./live-dashboard";

export const dynamic = "force-dynamic";

export default async function ClassDashboardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/classes/${id}/dashboard`);
  const dashboard = await getClassDashboard({ userId: user.id, classId: id }).catch(notFoundOnAppError);
  const t = await getTranslations("liveDashboard");
  return (
    <div className="flex flex-col gap-6">
      <nav className="flex flex-wrap gap-x-6 gap-y-2 text-lg font-semibold">
        <Link href={`/classes/${id}`} className="text-brand-700 underline-offset-4 hover:underline">
          ← {dashboard.className}
        </Link>
        <Link href={`/classes/${id}/exercises/new`} className="text-brand-700 underline-offset-4 hover:underline">
          {t("newExercise")}
        </Link>
        <Link href={`/classes/${id}/leaderboard`} className="text-brand-700 underline-offset-4 hover:underline">
          {t("leaderboard")}
        </Link>
        <Link href={`/classes/${id}/rounds`} className="text-brand-700 underline-offset-4 hover:underline">
          {t("rounds")}
        </Link>
      </nav>
      <h1 className="text-4xl font-extrabold text-slate-950">{t("title", { name: dashboard.className })}</h1>
      <LiveDashboard initial={dashboard} />
    </div>
  );
}
