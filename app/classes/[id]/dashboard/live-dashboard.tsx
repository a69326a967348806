"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback, useRef, useState } from "react";
import type { ClassDashboard, LiveSubmission } from "@/lib/dashboard/get-class-dashboard.types";
import type { SubmissionGradedPayload } from "@/lib/realtime/events";
import { callApi } from "@/app/_lib/api-client";
import { useClassRoom, useLiveEvent, usePollWhileDisconnected } from "@/app/_components/realtime-provider";
import { BarTable } from "./bar-table";
import { DashboardPanel } from "./dashboard-panel";
import { ExercisePanel } from "./exercise-panel";
import { LiveFeed } from "./live-feed";
import { ReviewQueue } from "./review-queue";
import { StuckList } from "./stuck-list";

const REFRESH_DELAY_MS = 1500;
const FEED_SIZE = 30;

/**
 * The instructor's live dashboard: graded submissions appear the moment the socket says so; the
 * figures (rates, mistakes, who is stuck, reviews) are re-read shortly after, coalescing bursts.
 */
export function LiveDashboard({ initial }: { initial: ClassDashboard }) {
  const t = useTranslations("liveDashboard");
  const locale = useLocale();
  const [data, setData] = useState(initial);
  const [feed, setFeed] = useState<LiveSubmission[]>(initial.recent);
  const [hideNames, setHideNames] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const titleOf = useCallback(
    (exerciseId: string) => {
      const exercise = data.exercises.find((e) => e.id === exerciseId);
      return exercise ? (locale === "zh-CN" ? exercise.title.zh : exercise.title.en) : "?";
    },
    [data.exercises, locale],
  );

  const refresh = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const result = await callApi<ClassDashboard>(
        `/api/classes/${initial.classId}/dashboard?stuckMinutes=${initial.stuckMinutes}`,
        "GET",
      );
      if (result.ok) setData(result.data);
    }, REFRESH_DELAY_MS);
  }, [initial.classId, initial.stuckMinutes]);

  const onGraded = useCallback(
    (event: SubmissionGradedPayload) => {
      const row: LiveSubmission = {
        submissionId: event.submissionId,
        exerciseId: event.exerciseId,
        userId: event.userId,
        studentName: data.students[event.userId] ?? "?",
        status: event.status,
        score: event.score,
        at: event.gradedAt,
      };
      setFeed((rows) => [row, ...rows.filter((r) => r.submissionId !== row.submissionId)].slice(0, FEED_SIZE));
      refresh();
    },
    [data.students, refresh],
  );
  // The tab's one shared socket: this class's room (instructors also get the staff room's verdicts).
  useClassRoom(initial.classId, refresh);
  useLiveEvent("submission:graded", (event) => {
    if (event.classId === initial.classId) onGraded(event);
  });
  usePollWhileDisconnected(refresh, 10_000);

  const visible = data.exercises.filter((exercise) => exercise.status !== "DRAFT" || exercise.stats.submissions > 0);
  // Full panels only where there is something to read; the rest is one line.
  const active = visible.filter((exercise) => exercise.stats.submissions > 0);
  const quiet = visible.filter((exercise) => exercise.stats.submissions === 0);
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-2 text-lg font-semibold text-slate-900">
          <input
            type="checkbox"
            className="size-5"
            checked={hideNames}
            onChange={(e) => setHideNames(e.target.checked)}
          />
          {t("hideNames")}
        </label>
        <span className="text-base text-slate-600">{t("students", { count: data.studentCount })}</span>
      </div>
      <div className="grid grid-cols-1 gap-8 2xl:grid-cols-2">
        <LiveFeed rows={feed} titleOf={titleOf} hideNames={hideNames} />
        <DashboardPanel
          titleId="pass-rates-title"
          title={t("passRates")}
          titleHidden
          empty={visible.length === 0 ? t("noExercises") : null}
        >
          <BarTable
            caption={t("passRates")}
            labelHeader={t("exercise")}
            valueHeader={t("passRate")}
            tone="emerald"
            bars={visible.map((exercise) => ({
              key: exercise.id,
              label: titleOf(exercise.id),
              share: exercise.stats.passRate,
              value: t("passedOf", { passed: exercise.stats.passed, attempted: exercise.stats.attempted }),
            }))}
          />
        </DashboardPanel>
      </div>
      <div className="grid grid-cols-1 gap-8 xl:grid-cols-2">
        <StuckList rows={data.stuck} minutes={data.stuckMinutes} titleOf={titleOf} hideNames={hideNames} />
        <ReviewQueue rows={data.reviewQueue} titleOf={titleOf} hideNames={hideNames} onDecided={refresh} />
      </div>
      <section aria-labelledby="per-exercise-title" className="flex flex-col gap-4">
        <h2 id="per-exercise-title" className="text-3xl font-bold text-slate-950">
          {t("perExercise")}
        </h2>
        {active.map((exercise) => (
          <ExercisePanel key={exercise.id} exercise={exercise} title={titleOf(exercise.id)} classId={data.classId} />
        ))}
        {quiet.length > 0 ? (
          <p className="text-lg text-slate-700">
            <span className="font-semibold">{t("noSubmissionsYet")}</span>{" "}
            {quiet.map((exercise) => titleOf(exercise.id)).join(" · ")}
          </p>
        ) : null}
      </section>
    </div>
  );
}
