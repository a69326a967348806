import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getAssignment } from "@/lib/assignments/get-assignment";
import { listClassExercises } from "@/lib/exercises/list-class-exercises";
import { toLocalInputValue } from "@/lib/assignments/time-zone";
import { requirePageUser } from "@/app/_lib/session";
import { card } from "@/app/_components/button-styles";
import { AssignmentForm } from "@/app/classes/[id]/assignments/new/assignment-form";
import { notFoundOnAppError } from "@/app/_lib/not-found-on-app-error";

export const dynamic = "force-dynamic";

/** The owner edits an assignment: the creation form, filled in, saving with PATCH. */
export default async function EditAssignmentPage({
  params,
}: {
  params: Promise<{ id: string; assignmentId: string }>;
}) {
  const { id, assignmentId } = await params;
  const user = await requirePageUser(`/classes/${id}/assignments/${assignmentId}/edit`);
  const [assignment, exercises] = await Promise.all([
    getAssignment({ userId: user.id, assignmentId }),
    listClassExercises({ userId: user.id, classId: id }),
  ]).catch(notFoundOnAppError);
  if (assignment.classId !== id || !assignment.canManage || !exercises.canManage) notFound();
  const [t, locale] = await Promise.all([getTranslations("assignments"), getLocale()]);
  const zone = assignment.timeZone ?? "UTC";
  const inAssignment = new Map(assignment.exercises.map((e) => [e.exerciseId, e.points]));
  const options = exercises.exercises.map((e) => ({
    id: e.id,
    title: locale === "zh-CN" ? e.title.zh : e.title.en,
    points: inAssignment.get(e.id) ?? e.points,
  }));
  const existing = {
    assignmentId,
    title: assignment.title,
    opensAt: assignment.opensAt ? toLocalInputValue(new Date(assignment.opensAt), zone) : "",
    dueAt: toLocalInputValue(new Date(assignment.dueAt), zone),
    latePolicy: assignment.latePolicy,
    attemptsLimit: assignment.attemptsLimit,
    scorePolicy: assignment.scorePolicy,
    published: assignment.published,
    points: Object.fromEntries(options.map((o) => [o.id, inAssignment.get(o.id) ?? null])),
  };
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link
          href={`/classes/${id}/assignments/${assignmentId}`}
          className="text-lg font-semibold text-brand-700 underline-offset-4 hover:underline"
        >
          {t("form.backToGradebook")}
        </Link>
        <h1 className="mt-3 text-4xl font-extrabold text-slate-950 sm:text-5xl">{t("form.editPageTitle")}</h1>
        <p className="mt-2 text-lg text-slate-700">{t("form.editHint")}</p>
      </div>
      <div className={card}>
        <AssignmentForm classId={id} classTimeZone={assignment.timeZone} exercises={options} existing={existing} />
      </div>
    </div>
  );
}
