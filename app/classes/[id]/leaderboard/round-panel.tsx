"use client";

import { useLocale, useTranslations } from "next-intl";
import type { RoundDetail } from "@/lib/rounds/round.types";
import { feedbackText } from "@/app/exercises/[id]/feedback-text";
import { useNow } from "@/app/classes/[id]/leaderboard/use-round";

/**
 * A live round on the projector: countdown, answers so far, the distribution of results and the
 * most common wrong first divergence (what it says only once the round ended: it shows the
 * expected line), then the podium. Also the stored round's review.
 */
export function RoundPanel({
  detail,
  hideNames,
  actions,
}: {
  detail: RoundDetail;
  hideNames: boolean;
  actions?: React.ReactNode;
}) {
  const t = useTranslations("live");
  const tf = useTranslations("feedback");
  const zh = useLocale() === "zh-CN";
  const { round, stats, entries } = detail;
  const running = round.status === "running";
  const now = useNow(running);
  const left = Math.max(0, Math.ceil((new Date(round.endsAt).getTime() - now) / 1000));
  const name = (entry: { name: string; rank: number }) =>
    hideNames ? t("hiddenName", { rank: entry.rank }) : entry.name;
  const most = Math.max(1, ...stats.distribution.map((band) => band.students));
  const divergence = stats.commonDivergence;
  return (
    <section
      aria-labelledby="round-title"
      className="rounded-2xl border-4 border-brand-600 bg-white p-6"
      data-testid="round-panel"
      data-status={round.status}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h2 id="round-title" className="text-3xl font-extrabold text-slate-950">
          {running ? t("roundLive") : t("roundEnded")}: {zh ? round.title.zh : round.title.en}
        </h2>
        {actions}
      </div>
      <div className="mt-4 grid gap-6 md:grid-cols-3">
        <div>
          <p className="text-xl font-semibold text-slate-600">{running ? t("timeLeft") : t("duration")}</p>
          <p
            className="text-7xl font-extrabold tabular-nums text-slate-950"
            role={running ? "timer" : undefined}
            aria-live="off"
            data-testid="countdown"
          >
            {formatClock(running ? left : round.durationSeconds)}
          </p>
        </div>
        <div>
          <p className="text-xl font-semibold text-slate-600">{t("answers")}</p>
          <p className="text-7xl font-extrabold tabular-nums text-slate-950" data-testid="answer-count">
            {stats.answered}
          </p>
          <p className="text-2xl text-slate-700">
            {t("answerBreakdown", { passed: stats.passed, failed: stats.failed, pending: stats.pending })}
          </p>
        </div>
        <div>
          <p className="text-xl font-semibold text-slate-600">{t("distribution")}</p>
          <ul className="mt-2 flex flex-col gap-1">
            {stats.distribution.map((band) => (
              <li key={band.band} className="grid grid-cols-[4.5rem_1fr_3rem] items-center gap-2 text-xl">
                <span className="tabular-nums text-slate-700">{band.band === "100" ? "100" : `${band.band}+`}</span>
                <span className="h-5 rounded bg-slate-100">
                  <span
                    className="block h-5 rounded bg-brand-600"
                    style={{ width: `${(band.students / most) * 100}%` }}
                  />
                </span>
                <span className="text-right font-bold tabular-nums">{band.students}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
      {divergence ? (
        <div className="mt-6 rounded-xl bg-amber-50 p-4 text-2xl text-amber-950" data-testid="common-divergence">
          <p className="font-bold">{t("commonWrong", { count: divergence.count, line: divergence.line })}</p>
          <p className="mt-1">
            {divergence.message && divergence.code && divergence.params
              ? feedbackText(
                  { code: divergence.code, params: divergence.params, message: divergence.message },
                  (key, values) => tf(key, values),
                )
              : t("detailsAfterRound")}
          </p>
        </div>
      ) : null}
      {!running ? <Podium entries={entries.filter((entry) => entry.points > 0).slice(0, 3)} name={name} /> : null}
    </section>
  );
}

function Podium({
  entries,
  name,
}: {
  entries: RoundDetail["entries"];
  name: (entry: { name: string; rank: number }) => string;
}) {
  const t = useTranslations("live");
  if (entries.length === 0) return <p className="mt-6 text-2xl text-slate-700">{t("noWinners")}</p>;
  const heights = ["h-40", "h-28", "h-20"];
  // Classic podium order: 2nd, 1st, 3rd.
  const order = [entries[1], entries[0], entries[2]].filter((entry) => entry !== undefined);
  return (
    <ol aria-label={t("podium")} className="mt-8 flex items-end justify-center gap-4" data-testid="podium">
      {order.map((entry) => (
        <li key={entry.userId} className="flex min-w-0 max-w-72 flex-1 flex-col items-center gap-2">
          {/* Wrap a long name onto two lines rather than cut the winner's name short on the projector. */}
          <span className="line-clamp-2 max-w-full text-center text-2xl font-bold break-words text-slate-950 sm:text-3xl">
            {name(entry)}
          </span>
          <span className="text-2xl tabular-nums text-slate-700">{t("roundPoints", { points: entry.points })}</span>
          <span
            className={`flex w-full items-start justify-center rounded-t-xl bg-brand-600 pt-2 text-5xl font-extrabold text-white ${heights[entry.rank - 1] ?? "h-16"}`}
          >
            {entry.rank}
          </span>
        </li>
      ))}
    </ol>
  );
}

export function formatClock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, "0")}`;
}
