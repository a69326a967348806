"use client";

import { useTranslations } from "next-intl";

export interface ExerciseOption {
  id: string;
  title: string;
  points: number;
}

/** exerciseId → points, or null when the exercise is left out of the assignment. */
export type ChosenPoints = Record<string, number | null>;

const input = "rounded-lg border-2 border-slate-400 bg-white px-3 py-2 text-lg text-slate-900";

/** The class's exercises, each with a checkbox and its points in this assignment. */
export function ExercisePointsFieldset({
  exercises,
  chosen,
  onChange,
  error,
}: {
  exercises: ExerciseOption[];
  chosen: ChosenPoints;
  onChange: (update: (current: ChosenPoints) => ChosenPoints) => void;
  error: string[] | undefined;
}) {
  const t = useTranslations("assignments.form");
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="text-lg font-semibold text-slate-900">{t("exercises")}</legend>
      {exercises.length === 0 ? <p className="text-lg text-slate-600">{t("noExercises")}</p> : null}
      {exercises.map((exercise) => {
        const included = chosen[exercise.id] !== null && chosen[exercise.id] !== undefined;
        return (
          <div key={exercise.id} className="flex flex-wrap items-center gap-3">
            <label className="flex min-w-0 flex-1 items-center gap-3 text-lg">
              <input
                type="checkbox"
                className="size-5"
                checked={included}
                aria-label={t("include", { title: exercise.title })}
                onChange={(event) =>
                  onChange((current) => ({ ...current, [exercise.id]: event.target.checked ? exercise.points : null }))
                }
              />
              <span>{exercise.title}</span>
            </label>
            <input
              type="number"
              min={1}
              max={1000}
              className={`${input} w-24`}
              disabled={!included}
              aria-label={t("pointsFor", { title: exercise.title })}
              value={chosen[exercise.id] ?? exercise.points}
              onChange={(event) => onChange((current) => ({ ...current, [exercise.id]: Number(event.target.value) }))}
            />
          </div>
        );
      })}
      {error ? <p className="text-base font-semibold text-red-700">{error.join(" ")}</p> : null}
    </fieldset>
  );
}
