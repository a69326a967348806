import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getExerciseForStudent } from "@/lib/exercises/get-exercise-for-student";
import { getAssignment } from "@/lib/assignments/get-assignment";
import { listClassRounds } from "@/lib/rounds/list-class-rounds";
import { requirePageUser } from "@/app/_lib/session";
import { card } from "@/app/_components/button-styles";
import { ExerciseWorkspace } from "@/app/exercises/[id]/exercise-workspace";
import { PromptText } from "@/app/exercises/[id]/prompt-text";
import { AssignmentBanner } from "@/app/classes/[id]/assignments/assignment-banner";
import { PythonEditor } from "@/app/_components/python-editor/python-editor";
import { notFoundOnAppError } from "@/app/_lib/not-found-on-app-error";

export const dynamic = "force-dynamic";

export default async function ExercisePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ assignment?: string | string[] }>;
}) {
  const { id } = await params;
  const assignmentParam = (await searchParams).assignment;
  const user = await requirePageUser(`/exercises/${id}`);
  const exercise = await getExerciseForStudent({ userId: user.id, exerciseId: id }).catch(notFoundOnAppError);
  const [t, locale, rounds] = await Promise.all([
    getTranslations("exercises"),
    getLocale(),
    listClassRounds({ userId: user.id, classId: exercise.classId }),
  ]);
  const current = rounds.current?.exerciseId === exercise.id ? rounds.current : null;
  // Opened from an assignment (?assignment=ID): submissions count toward it (lib/assignments checks).
  const assignment =
    typeof assignmentParam === "string"
      ? await getAssignment({ userId: user.id, assignmentId: assignmentParam }).catch(() => null)
      : null;
  const forAssignment =
    assignment && assignment.exercises.some((e) => e.exerciseId === exercise.id) ? assignment : null;
  const zh = locale === "zh-CN";
  const isPrediction = exercise.kind === "PREDICT_OUTPUT";
  return (
    <div className="flex flex-col gap-8">
      <div>
        <Link
          href={`/classes/${exercise.classId}`}
          className="text-lg font-semibold text-brand-700 underline-offset-4 hover:underline"
        >
          {t("back")}
        </Link>
        <h1 className="mt-3 text-5xl font-extrabold text-slate-950">{zh ? exercise.title.zh : exercise.title.en}</h1>
        <p className="mt-2 text-xl text-slate-700">
          {isPrediction ? t("kindPredict") : t("kindWrite")}
          {exercise.schedules > 1 ? ` · ${t("schedules", { count: exercise.schedules })}` : ""}
          {` · ${t("points", { points: exercise.points })}`}
        </p>
        {exercise.canManage && exercise.status === "DRAFT" ? (
          <p className="mt-3 text-lg font-semibold text-amber-900">{t("draftNotice")}</p>
        ) : null}
      </div>
      {forAssignment ? <AssignmentBanner assignment={forAssignment} /> : null}
      <article className={card}>
        <PromptText markdown={zh ? exercise.prompt.zh : exercise.prompt.en} />
      </article>
      {isPrediction && exercise.program !== null ? (
        <section aria-labelledby="program-title" className="flex flex-col gap-2">
          <h2 id="program-title" className="text-xl font-bold text-slate-950">
            {t("programLabel")}
          </h2>
          <div data-testid="program">
            <PythonEditor value={exercise.program} label={t("programLabel")} readOnly minLines={4} maxLines={40} />
          </div>
        </section>
      ) : null}
      <ExerciseWorkspace
        exerciseId={exercise.id}
        classId={exercise.classId}
        liveRound={current ? { id: current.id, exerciseId: current.exerciseId, endsAt: current.endsAt } : null}
        kind={exercise.kind}
        starterCode={exercise.starterCode ?? ""}
        lineBank={exercise.lineBank}
        canSubmit={exercise.canSubmit}
        latestSubmissionId={exercise.latestSubmissionId}
        assignmentId={forAssignment?.id}
      />
    </div>
  );
}
