import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getClass } from "@/lib/classes/get-class";
import { getRoster } from "@/lib/classes/get-roster";
import { requirePageUser } from "@/app/_lib/session";
import { requestOrigin } from "@/app/_lib/request-origin";
import { card, secondaryButton } from "@/app/_components/button-styles";
import { listClassRounds } from "@/lib/rounds/list-class-rounds";
import { JoinCodePanel } from "@/app/classes/[id]/join-code-panel";
import { LiveRefresh } from "@/app/classes/[id]/live-refresh";
import { RosterTable } from "@/app/classes/[id]/roster-table";
import { ExerciseSection } from "@/app/classes/[id]/exercise-section";
import { AssignmentSection } from "@/app/classes/[id]/assignment-section";
import { InstructorLinks } from "@/app/classes/[id]/instructor-links";
import { notFoundOnAppError } from "@/app/_lib/not-found-on-app-error";

export const dynamic = "force-dynamic";

export default async function ClassPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/classes/${id}`);
  const klass = await getClass({ userId: user.id, classId: id }).catch(notFoundOnAppError);
  const [t, tl, locale, rounds] = await Promise.all([
    getTranslations("classPage"),
    getTranslations("live"),
    getLocale(),
    listClassRounds({ userId: user.id, classId: klass.id }),
  ]);
  const current = rounds.current;
  return (
    <div className="flex flex-col gap-8">
      <LiveRefresh classId={klass.id} />
      <div>
        <Link href="/dashboard" className="text-lg font-semibold text-brand-700 underline-offset-4 hover:underline">
          {t("back")}
        </Link>
        <h1 className="mt-3 text-5xl font-extrabold text-slate-950">{klass.name}</h1>
        <p className="mt-2 text-xl text-slate-700">{t("instructor", { name: klass.instructorName })}</p>
        <Link href={`/classes/${klass.id}/leaderboard`} className={`${secondaryButton} mt-4`}>
          {tl("openBoard")}
        </Link>
      </div>
      {current ? (
        <p
          role="status"
          className="rounded-2xl border-4 border-brand-600 bg-brand-50 p-4 text-2xl font-bold text-brand-800"
        >
          {tl("roundRunning")}{" "}
          <Link href={`/exercises/${current.exerciseId}`} className="underline underline-offset-4">
            {locale === "zh-CN" ? current.title.zh : current.title.en}
          </Link>
        </p>
      ) : null}
      {klass.canManage ? (
        <>
          <InstructorLinks classId={klass.id} />
          <JoinCodePanel classId={klass.id} joinCode={klass.joinCode} origin={await requestOrigin()} />
          <RosterTable classId={klass.id} students={await getRoster({ userId: user.id, classId: klass.id })} />
        </>
      ) : (
        <p className={`${card} text-xl text-slate-700`}>{t("studentWelcome")}</p>
      )}
      <AssignmentSection classId={klass.id} userId={user.id} />
      <ExerciseSection classId={klass.id} userId={user.id} />
    </div>
  );
}
