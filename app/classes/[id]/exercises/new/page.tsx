import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getClass } from "@/lib/classes/get-class";
import { requirePageUser } from "@/app/_lib/session";
import { ExerciseEditor } from "@/app/classes/[id]/exercises/_editor/exercise-editor";
import { notFoundOnAppError } from "@/app/_lib/not-found-on-app-error";

export const dynamic = "force-dynamic";

export default async function NewExercisePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/classes/${id}/exercises/new`);
  const klass = await getClass({ userId: user.id, classId: id }).catch(notFoundOnAppError);
  if (!klass.canManage) notFound();
  const t = await getTranslations("exerciseEditor");
  return (
    <div className="flex flex-col gap-6">
      <Link
        href={`/classes/${klass.id}`}
        className="text-lg font-semibold text-brand-700 underline-offset-4 hover:underline"
      >
        ← {klass.name}
      </Link>
      <h1 className="text-4xl font-extrabold text-slate-950">{t("newTitle")}</h1>
      <ExerciseEditor classId={klass.id} exercise={null} />
    </div>
  );
}
