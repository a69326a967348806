import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { listAssignments } from "@/lib/assignments/list-assignments";
import { primaryButton } from "@/app/_components/button-styles";
import { formatClassTime } from "@/app/classes/[id]/assignments/format-time";

/** The class page's "Assignments" section: due times in the class's zone; a student's own total. */
export async function AssignmentSection({ classId, userId }: { classId: string; userId: string }) {
  const [t, locale, list] = await Promise.all([
    getTranslations("assignments"),
    getLocale(),
    listAssignments({ userId, classId }),
  ]);
  const zone = list.timeZone ?? "UTC";
  return (
    <section aria-labelledby="assignments-title" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h2 id="assignments-title" className="text-3xl font-bold text-slate-950">
          {t("sectionTitle")} <span className="text-slate-500">({list.assignments.length})</span>
        </h2>
        {list.canManage ? (
          <Link href={`/classes/${classId}/assignments/new`} className={primaryButton}>
            {t("new")}
          </Link>
        ) : null}
      </div>
      {list.assignments.length === 0 ? (
        <p className="rounded-2xl border-2 border-dashed border-slate-300 p-6 text-xl text-slate-600">
          {list.canManage ? t("emptyInstructor") : t("emptyStudent")}
        </p>
      ) : (
        <ul className="flex flex-col divide-y-2 divide-slate-100 rounded-2xl border-2 border-slate-200 bg-white">
          {list.assignments.map((assignment) => (
            <li key={assignment.id} className="flex flex-wrap items-center gap-x-5 gap-y-1 px-5 py-4">
              <div className="flex w-full min-w-0 flex-col sm:w-auto sm:flex-1">
                <Link
                  href={`/classes/${classId}/assignments/${assignment.id}`}
                  className="text-xl font-semibold text-brand-700 underline-offset-4 hover:underline"
                >
                  {assignment.title}
                </Link>
                <span className="text-base text-slate-700">
                  {t("due", {
                    time: formatClassTime(
                      "progress" in assignment ? assignment.progress.dueAt : assignment.dueAt,
                      zone,
                      locale,
                    ),
                  })}
                  {"progress" in assignment && assignment.progress.extended ? ` · ${t("extended")}` : ""}
                  {!assignment.published ? ` · ${t("draft")}` : ""}
                </span>
              </div>
              <span className="text-lg font-bold tabular-nums text-slate-800">
                {"progress" in assignment
                  ? t("progress", {
                      total: assignment.progress.total,
                      possible: assignment.pointsPossible,
                      percent: assignment.progress.percent,
                    })
                  : t("points", { points: assignment.pointsPossible })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
