import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getAssignment } from "@/lib/assignments/get-assignment";
import { getGradebook } from "@/lib/assignments/get-gradebook";
import { requirePageUser } from "@/app/_lib/session";
import { formatClassTime } from "@/app/classes/[id]/assignments/format-time";
import { AssignmentControls } from "@/app/classes/[id]/assignments/[assignmentId]/assignment-controls";
import { AuditTrail } from "@/app/classes/[id]/assignments/[assignmentId]/audit-trail";
import { ExportLinks } from "@/app/classes/[id]/assignments/[assignmentId]/export-links";
import { GradebookGrid } from "@/app/classes/[id]/assignments/[assignmentId]/gradebook-grid";
import { StudentProgressTable } from "@/app/classes/[id]/assignments/[assignmentId]/student-progress-table";
import { notFoundOnAppError } from "@/app/_lib/not-found-on-app-error";

export const dynamic = "force-dynamic";

/** The instructor's gradebook, or a student's own progress in the assignment. */
export default async function AssignmentPage({ params }: { params: Promise<{ id: string; assignmentId: string }> }) {
  const { id, assignmentId } = await params;
  const user = await requirePageUser(`/classes/${id}/assignments/${assignmentId}`);
  const assignment = await getAssignment({ userId: user.id, assignmentId }).catch(notFoundOnAppError);
  if (assignment.classId !== id) notFound();
  const [t, locale] = await Promise.all([getTranslations("assignments"), getLocale()]);
  const zone = assignment.timeZone ?? "UTC";
  const policy =
    assignment.latePolicy.kind === "refuse"
      ? t("gradebook.refusePolicy")
      : t("gradebook.penaltyPolicy", {
          perDay: assignment.latePolicy.percentPerDay,
          max: assignment.latePolicy.maxPercent,
        });
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link
          href={`/classes/${id}`}
          className="text-lg font-semibold text-brand-700 underline-offset-4 hover:underline"
        >
          {t("back")}
        </Link>
        <h1 className="mt-3 text-4xl font-extrabold text-slate-950 sm:text-5xl">{assignment.title}</h1>
        <p className="mt-2 text-xl text-slate-700">
          {assignment.opensAt ? `${t("opens", { time: formatClassTime(assignment.opensAt, zone, locale) })} · ` : ""}
          {t("due", { time: formatClassTime(assignment.dueAt, zone, locale) })}
          {!assignment.published ? ` · ${t("draft")}` : ""}
        </p>
        <p className="mt-1 text-lg text-slate-600">
          {t("gradebook.policy", {
            policy,
            attempts: assignment.attemptsLimit ?? t("gradebook.unlimited"),
            score: t(`form.${assignment.scorePolicy}`),
          })}
        </p>
      </div>
      {assignment.canManage ? (
        <ManagerView
          classId={id}
          assignmentId={assignment.id}
          published={assignment.published}
          userId={user.id}
          locale={locale}
        />
      ) : (
        <StudentProgressTable assignment={assignment} locale={locale} />
      )}
    </div>
  );
}

async function ManagerView({
  classId,
  assignmentId,
  published,
  userId,
  locale,
}: {
  classId: string;
  assignmentId: string;
  published: boolean;
  userId: string;
  locale: string;
}) {
  const book = await getGradebook({ userId, assignmentId });
  return (
    <>
      <AssignmentControls classId={classId} assignmentId={assignmentId} published={published} />
      <ExportLinks assignmentId={assignmentId} />
      <GradebookGrid book={book} locale={locale} />
      <AuditTrail book={book} locale={locale} />
    </>
  );
}
