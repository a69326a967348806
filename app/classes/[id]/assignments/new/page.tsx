import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { listAssignments } from "@/lib/assignments/list-assignments";
import { listClassExercises } from "@/lib/exercises/list-class-exercises";
import { requirePageUser } from "@/app/_lib/session";
import { card } from "@/app/_components/button-styles";
import { AssignmentForm } from "@/app/classes/[id]/assignments/new/assignment-form";
import { notFoundOnAppError } from "@/app/_lib/not-found-on-app-error";

export const dynamic = "force-dynamic";

export default async function NewAssignmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/classes/${id}/assignments/new`);
  const [exercises, assignments] = await Promise.all([
    listClassExercises({ userId: user.id, classId: id }),
    listAssignments({ userId: user.id, classId: id }),
  ]).catch(notFoundOnAppError);
  if (!exercises.canManage) notFound();
  const [t, locale] = await Promise.all([getTranslations("assignments"), getLocale()]);
  const options = exercises.exercises.map((e) => ({
    id: e.id,
    title: locale === "zh-CN" ? e.title.zh : e.title.en,
    points: e.points,
  }));
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link
          href={`/classes/${id}`}
          className="text-lg font-semibold text-brand-700 underline-offset-4 hover:underline"
        >
          {t("back")}
        </Link>
        <h1 className="mt-3 text-4xl font-extrabold text-slate-950 sm:text-5xl">{t("form.pageTitle")}</h1>
      </div>
      <div className={card}>
        <AssignmentForm classId={id} classTimeZone={assignments.timeZone} exercises={options} />
      </div>
    </div>
  );
}
