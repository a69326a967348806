import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getExerciseForEditor } from "@/lib/exercises/get-exercise-for-editor";
import { requirePageUser } from "@/app/_lib/session";
import { ExerciseEditor } from "@/app/classes/[id]/exercises/_editor/exercise-editor";
import { notFoundOnAppError } from "@/app/_lib/not-found-on-app-error";

export const dynamic = "force-dynamic";

export default async function EditExercisePage({ params }: { params: Promise<{ id: string; exerciseId: string }> }) {
  const { id, exerciseId } = await params;
  const user = await requirePageUser(`/classes/${id}/exercises/${exerciseId}`);
  const exercise = await getExerciseForEditor({ userId: user.id, exerciseId }).catch(notFoundOnAppError);
  if (exercise.classId !== id) notFound();
  const [t, locale] = await Promise.all([getTranslations("exerciseEditor"), getLocale()]);
  return (
    <div className="flex flex-col gap-6">
      <Link href={`/classes/${id}`} className="text-lg font-semibold text-brand-700 underline-offset-4 hover:underline">
        {t("backToClass")}
      </Link>
      <h1 className="text-4xl font-extrabold text-slate-950">
        {t("editTitle", { title: locale === "zh-CN" ? exercise.title.zh : exercise.title.en })}
      </h1>
      <ExerciseEditor key={`${exercise.id}:${exercise.version}`} classId={id} exercise={exercise} />
    </div>
  );
}
