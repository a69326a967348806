"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { DashboardExercise } from "@/lib/dashboard/get-class-dashboard.types";
import { ATTEMPT_BUCKETS } from "@/lib/dashboard/exercise-stats";
import { BarTable } from "./bar-table";
import { RegradeButton } from "./regrade-button";
import { WrongAnswers } from "./wrong-answers";

/** One exercise: its figures, how many attempts passing students needed, the common mistakes. */
export function ExercisePanel({
  exercise,
  title,
  classId,
}: {
  exercise: DashboardExercise;
  title: string;
  classId: string;
}) {
  const t = useTranslations("liveDashboard");
  const { stats } = exercise;
  const passers = Math.max(1, stats.passed);
  return (
    <article
      aria-labelledby={`ex-${exercise.id}`}
      className="flex flex-col gap-4 rounded-2xl border-2 border-slate-200 bg-white p-5"
      data-testid="exercise-panel"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h3 id={`ex-${exercise.id}`} className="text-2xl font-bold text-slate-950">
          {title}
        </h3>
        <div className="flex flex-wrap items-center gap-3">
          <Link
            href={`/classes/${classId}/exercises/${exercise.id}`}
            className="text-base font-semibold text-brand-700 underline"
          >
            {t("edit")}
          </Link>
          <RegradeButton exerciseId={exercise.id} version={exercise.version} />
        </div>
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Figure label={t("attempted")} value={String(stats.attempted)} />
        <Figure label={t("passedCount")} value={String(stats.passed)} />
        <Figure label={t("passRate")} value={`${Math.round(stats.passRate * 100)}%`} />
        <Figure label={t("submissions")} value={String(stats.submissions)} />
      </dl>
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <BarTable
          caption={t("attemptsTitle")}
          labelHeader={t("attemptsHeader")}
          valueHeader={t("studentsHeader")}
          bars={ATTEMPT_BUCKETS.map((bucket) => ({
            key: bucket,
            label: t("attemptsBucket", { bucket }),
            share: stats.attemptsUntilPass[bucket] / passers,
            value: String(stats.attemptsUntilPass[bucket]),
          }))}
        />
        <WrongAnswers groups={exercise.wrongAnswers} />
      </div>
    </article>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-xl bg-slate-50 p-3">
      <dt className="text-base text-slate-600">{label}</dt>
      <dd className="text-3xl font-extrabold tabular-nums text-slate-950">{value}</dd>
    </div>
  );
}
