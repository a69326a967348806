"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { RoundView } from "@/lib/rounds/round.types";
import { callApi } from "@/app/_lib/api-client";
import { useErrorText } from "@/app/_lib/use-error-text";
import { dangerButton, primaryButton } from "@/app/_components/button-styles";

const DURATIONS = [30, 60, 90, 120, 180, 300];

/** The instructor starts a round (exercise + duration). */
export function StartRoundForm({
  classId,
  exercises,
  onStarted,
}: {
  classId: string;
  exercises: { id: string; title: string }[];
  onStarted: () => void;
}) {
  const t = useTranslations("live");
  const errorText = useErrorText();
  const [exerciseId, setExerciseId] = useState(exercises[0]?.id ?? "");
  const [duration, setDuration] = useState(60);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (exercises.length === 0) return <p className="text-xl text-slate-700">{t("noPublished")}</p>;

  async function start(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const response = await callApi<{ round: RoundView }>(`/api/classes/${classId}/rounds`, "POST", {
      exerciseId,
      durationSeconds: duration,
    });
    setBusy(false);
    if (response.ok) onStarted();
    else setError(errorText.message(response.error));
  }

  return (
    <form
      onSubmit={(event) => void start(event)}
      className="flex flex-wrap items-end gap-4"
      aria-labelledby="start-round-title"
    >
      <h2 id="start-round-title" className="w-full text-2xl font-bold text-slate-950">
        {t("startTitle")}
      </h2>
      {/* min-w-0 + w-full: a long exercise title must not widen the page on a phone. */}
      <label className="flex w-full min-w-0 flex-col gap-1 text-lg font-semibold text-slate-800 sm:w-auto sm:max-w-xl">
        {t("exercise")}
        <select
          value={exerciseId}
          onChange={(event) => setExerciseId(event.target.value)}
          className="w-full min-w-0 rounded-lg border-2 border-slate-400 bg-white px-3 py-2 text-lg"
        >
          {exercises.map((exercise) => (
            <option key={exercise.id} value={exercise.id}>
              {exercise.title}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-lg font-semibold text-slate-800">
        {t("duration")}
        <select
          value={duration}
          onChange={(event) => setDuration(Number(event.target.value))}
          className="rounded-lg border-2 border-slate-400 bg-white px-3 py-2 text-lg"
        >
          {DURATIONS.map((seconds) => (
            <option key={seconds} value={seconds}>
              {t("seconds", { seconds })}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className={primaryButton} disabled={busy}>
        {busy ? t("starting") : t("start")}
      </button>
      {error ? (
        <p role="alert" className="w-full text-lg font-semibold text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}

/** Ends the running round early. */
export function EndRoundButton({ roundId, onEnded }: { roundId: string; onEnded: () => void }) {
  const t = useTranslations("live");
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function end() {
    setBusy(true);
    const response = await callApi<{ round: RoundView }>(`/api/rounds/${roundId}/end`, "POST");
    setBusy(false);
    if (response.ok) onEnded();
    else setError(errorText.message(response.error));
  }
  return (
    <span className="flex items-center gap-3">
      <button type="button" className={dangerButton} disabled={busy} onClick={() => void end()}>
        {t("endNow")}
      </button>
      {error ? (
        <span role="alert" className="text-lg font-semibold text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
