import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AppError } from "@/lib/errors/app-error";
import { getClass } from "@/lib/classes/get-class";
import { getRoster } from "@/lib/classes/get-roster";
import { requirePageUser } from "@/app/_lib/session";
import { requestOrigin } from "@/app/_lib/request-origin";
import { card } from "@/app/_components/button-styles";
import { JoinCodePanel } from "@/app/classes/[id]/join-code-panel";
import { LiveRefresh } from "@/app/classes/[id]/live-refresh";
import { RosterTable } from "@/app/classes/[id]/roster-table";
import { ExerciseSection } from "@/app/classes/[id]/exercise-section";
import { InstructorLinks } from "@/app/classes/[id]/instructor-links";

export const dynamic = "force-dynamic";

export default async function ClassPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/classes/${id}`);
  const klass = await getClass({ userId: user.id, classId: id }).catch(notFoundOnAppError);
  const t = await getTranslations("classPage");
  return (
    <div className="flex flex-col gap-8">
      <LiveRefresh classId={klass.id} />
      <div>
        <Link href="/dashboard" className="text-lg font-semibold text-brand-700 underline-offset-4 hover:underline">
          {t("back")}
        </Link>
        <h1 className="mt-3 text-5xl font-extrabold text-slate-950">{klass.name}</h1>
        <p className="mt-2 text-xl text-slate-700">{t("instructor", { name: klass.instructorName })}</p>
      </div>
      {klass.canManage ? (
        <>
          <InstructorLinks classId={klass.id} />
          <JoinCodePanel classId={klass.id} joinCode={klass.joinCode} origin={await requestOrigin()} />
          <RosterTable classId={klass.id} students={await getRoster({ userId: user.id, classId: klass.id })} />
        </>
      ) : (
        <p className={`${card} text-xl text-slate-700`}>{t("studentWelcome")}</p>
      )}
      <ExerciseSection classId={klass.id} userId={user.id} />
    </div>
  );
}

function notFoundOnAppError(error: unknown): never {
  // "No access" reads as not found, like the API.
  if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
  throw error;
}
