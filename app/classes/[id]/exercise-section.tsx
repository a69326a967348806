import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { listClassExercises } from "@/lib/exercises/list-class-exercises";
import type { ClassExerciseItem } from "@/lib/exercises/list-class-exercises.types";
import { ExerciseImportButton } from "@/app/classes/[id]/exercise-import-button";
import { ExerciseUploadButton } from "@/app/classes/[id]/exercise-upload-button";
import { ExerciseStatusControls } from "@/app/classes/[id]/exercise-status-controls";

const STATUS_BADGE: Record<ClassExerciseItem["status"], string> = {
  DRAFT: "border-slate-400 bg-slate-100 text-slate-800",
  PUBLISHED: "border-emerald-700 bg-emerald-50 text-emerald-900",
  CLOSED: "border-amber-700 bg-amber-50 text-amber-900",
};

/**
 * The class page's "Exercises" section. The instructor sees every exercise with its status and
 * can import the library and publish/close; a student sees the published ones and their best score.
 */
export async function ExerciseSection({ classId, userId }: { classId: string; userId: string }) {
  const [t, tEditor, locale, list] = await Promise.all([
    getTranslations("exercises"),
    getTranslations("exerciseEditor"),
    getLocale(),
    listClassExercises({ userId, classId }),
  ]);
  const titleOf = (item: ClassExerciseItem) => (locale === "zh-CN" ? item.title.zh : item.title.en);
  return (
    <section aria-labelledby="exercises-title" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h2 id="exercises-title" className="text-3xl font-bold text-slate-950">
          {t("sectionTitle")} <span className="text-slate-500">({list.exercises.length})</span>
        </h2>
        {list.canManage ? (
          <div className="flex flex-wrap items-start gap-3">
            <ExerciseUploadButton classId={classId} />
            <ExerciseImportButton classId={classId} />
          </div>
        ) : null}
      </div>
      {list.exercises.length === 0 ? (
        <p className="rounded-2xl border-2 border-dashed border-slate-300 p-6 text-xl text-slate-600">
          {list.canManage ? t("emptyInstructor") : t("emptyStudent")}
        </p>
      ) : (
        <ol className="flex flex-col divide-y-2 divide-slate-100 rounded-2xl border-2 border-slate-200 bg-white">
          {list.exercises.map((item, index) => (
            <li key={item.id} className="flex flex-wrap items-center gap-x-5 gap-y-2 px-5 py-4">
              <span className="w-8 text-right text-lg font-bold tabular-nums text-slate-500">{index + 1}</span>
              <div className="flex min-w-0 flex-1 flex-col">
                <Link
                  href={`/exercises/${item.id}`}
                  className="text-xl font-semibold text-brand-700 underline-offset-4 hover:underline"
                >
                  {titleOf(item)}
                </Link>
                <span className="text-base text-slate-600">
                  {item.kind === "PREDICT_OUTPUT" ? t("kindPredict") : t("kindWrite")}
                  {item.schedules > 1 ? ` · ${t("schedules", { count: item.schedules })}` : ""}
                  {list.canManage ? ` · v${item.version}` : ""}
                </span>
              </div>
              {list.canManage ? (
                <>
                  <span
                    className={`rounded-full border-2 px-3 py-0.5 text-base font-bold ${STATUS_BADGE[item.status]}`}
                  >
                    {t(`status.${item.status}`)}
                  </span>
                  <Link
                    href={`/classes/${classId}/exercises/${item.id}`}
                    aria-label={`${tEditor("editLink")}: ${titleOf(item)}`}
                    className="text-base font-semibold text-brand-700 underline"
                  >
                    {tEditor("editLink")}
                  </Link>
                  <ExerciseStatusControls exerciseId={item.id} status={item.status} title={titleOf(item)} />
                </>
              ) : (
                <StudentScore item={item} />
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

async function StudentScore({ item }: { item: ClassExerciseItem }) {
  const t = await getTranslations("exercises");
  if (item.status === "CLOSED") {
    return (
      <span className={`rounded-full border-2 px-3 py-0.5 text-base font-bold ${STATUS_BADGE.CLOSED}`}>
        {t("status.CLOSED")}
      </span>
    );
  }
  if (!item.best) return <span className="text-lg text-slate-500">{t("notTried")}</span>;
  return (
    <span className={`text-lg font-bold ${item.best.passed ? "text-emerald-800" : "text-slate-800"}`}>
      {item.best.passed ? `✓ ${t("passedBadge")} · ` : ""}
      {t("best", { score: Math.round(item.best.score) })}
    </span>
  );
}
