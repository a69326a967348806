import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { StudentAssignmentView } from "@/lib/assignments/assignment-view";
import { formatClassTime } from "@/app/classes/[id]/assignments/format-time";
import { StatusBadge } from "@/app/classes/[id]/assignments/status-badge";

/** A student's own row: each exercise with status, points, attempts, and a link to submit for it. */
export async function StudentProgressTable({
  assignment,
  locale,
}: {
  assignment: StudentAssignmentView;
  locale: string;
}) {
  const t = await getTranslations("assignments");
  const { progress } = assignment;
  const zone = assignment.timeZone ?? "UTC";
  return (
    <section className="flex flex-col gap-3">
      {progress.extended ? (
        <p className="text-xl font-semibold text-indigo-900">
          {t("yourDue", { time: formatClassTime(progress.dueAt, zone, locale) })}
        </p>
      ) : null}
      <p className="text-2xl font-bold text-slate-950">
        {t("progress", { total: progress.total, possible: assignment.pointsPossible, percent: progress.percent })}
      </p>
      <ul className="flex flex-col divide-y-2 divide-slate-100 rounded-2xl border-2 border-slate-200 bg-white">
        {assignment.exercises.map((exercise, index) => {
          const cell = progress.cells[index];
          return (
            <li key={exercise.exerciseId} className="flex flex-wrap items-center gap-x-5 gap-y-2 px-5 py-4">
              <div className="flex w-full min-w-0 flex-col sm:w-auto sm:flex-1">
                <span className="text-xl font-semibold text-slate-950">
                  {locale === "zh-CN" ? exercise.title.zh : exercise.title.en}
                </span>
                <span className="text-base text-slate-600">
                  {t("student.attempts")}:{" "}
                  {assignment.attemptsLimit
                    ? t("student.attemptsOf", { used: cell?.attempts ?? 0, limit: assignment.attemptsLimit })
                    : (cell?.attempts ?? 0)}
                  {cell && cell.lateDays > 0 ? ` · ${t("student.late", { days: cell.lateDays })}` : ""}
                </span>
              </div>
              {cell ? <StatusBadge status={cell.status} label={t(`status.${cell.status}`)} /> : null}
              <span className="text-lg font-bold tabular-nums text-slate-800">
                {cell?.points ?? 0} / {exercise.points}
              </span>
              <Link
                href={`/exercises/${exercise.exerciseId}?assignment=${assignment.id}`}
                className="text-lg font-semibold text-brand-700 underline underline-offset-4"
              >
                {t("student.open")}
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
