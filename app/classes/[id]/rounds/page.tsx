import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { listClassRounds } from "@/lib/rounds/list-class-rounds";
import { requirePageUser } from "@/app/_lib/session";
import { card } from "@/app/_components/button-styles";
import { notFoundOnAppError } from "@/app/_lib/not-found-on-app-error";

export const dynamic = "force-dynamic";

/** The class's stored rounds, newest first, each reviewable. */
export default async function RoundsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/classes/${id}/rounds`);
  const rounds = await listClassRounds({ userId: user.id, classId: id }).catch(notFoundOnAppError);
  const [t, format, locale] = await Promise.all([getTranslations("live"), getFormatter(), getLocale()]);
  return (
    <div className="flex flex-col gap-6">
      <Link
        href={`/classes/${id}/leaderboard`}
        className="text-lg font-semibold text-brand-700 underline-offset-4 hover:underline"
      >
        {t("backToBoard")}
      </Link>
      <h1 className="text-5xl font-extrabold text-slate-950">{t("pastRounds")}</h1>
      {rounds.rounds.length === 0 ? <p className={`${card} text-xl text-slate-700`}>{t("noRounds")}</p> : null}
      <ul className="flex flex-col gap-3">
        {rounds.rounds.map((round) => (
          <li key={round.id} className={card}>
            <Link
              href={`/classes/${id}/rounds/${round.id}`}
              className="text-2xl font-bold text-brand-700 underline-offset-4 hover:underline"
            >
              {locale === "zh-CN" ? round.title.zh : round.title.en}
            </Link>
            <p className="mt-1 text-lg text-slate-700">
              {format.dateTime(new Date(round.startedAt), { dateStyle: "medium", timeStyle: "short" })} ·{" "}
              {t("seconds", { seconds: round.durationSeconds })} · {t("answerTotal", { count: round.answers })} ·{" "}
              {round.status === "running" ? t("roundLive") : t("roundEnded")}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
