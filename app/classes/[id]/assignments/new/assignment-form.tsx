"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import type { AssignmentView } from "@/lib/assignments/assignment-view";
import { callApi, type ApiError } from "@/app/_lib/api-client";
import { useErrorText } from "@/app/_lib/use-error-text";
import { primaryButton } from "@/app/_components/button-styles";
import { Field } from "@/app/_components/field";
import { FormError } from "@/app/_components/form-error";

interface ExerciseOption {
  id: string;
  title: string;
  points: number;
}

const input = "rounded-lg border-2 border-slate-400 bg-white px-3 py-2 text-lg text-slate-900";
const label = "text-lg font-semibold text-slate-900";

/**
 * Creating an assignment. Times are typed as the class's wall clock (datetime-local) and sent
 * without an offset: the server reads them in the class's zone, which a new class takes from this
 * browser.
 */
export function AssignmentForm({
  classId,
  classTimeZone,
  exercises,
}: {
  classId: string;
  classTimeZone: string | null;
  exercises: ExerciseOption[];
}) {
  const t = useTranslations("assignments.form");
  const errorText = useErrorText();
  const router = useRouter();
  const [zone, setZone] = useState(classTimeZone ?? "UTC");
  const [zones, setZones] = useState<string[]>([]);
  const [late, setLate] = useState<"refuse" | "penalty">("refuse");
  const [chosen, setChosen] = useState<Record<string, number | null>>(() =>
    Object.fromEntries(exercises.map((e) => [e.id, e.points])),
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // The default zone is the instructor's browser's, until the class has its own.
    if (!classTimeZone) setZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
    setZones(Intl.supportedValuesOf("timeZone"));
  }, [classTimeZone]);

  const selected = useMemo(() => exercises.filter((e) => chosen[e.id] !== null), [exercises, chosen]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const number = (name: string) => (text(name) === "" ? null : Number(text(name)));
    setBusy(true);
    setError(null);
    try {
      if (classTimeZone && zone !== classTimeZone) {
        const changed = await callApi(`/api/classes/${classId}/time-zone`, "PUT", { timeZone: zone });
        if (!changed.ok) return setError(changed.error);
      }
      const body = {
        title: text("title"),
        opensAt: text("opensAt") || null,
        dueAt: text("dueAt"),
        latePolicy:
          late === "refuse"
            ? { kind: "refuse" }
            : { kind: "penalty", percentPerDay: number("percentPerDay") ?? 0, maxPercent: number("maxPercent") ?? 0 },
        attemptsLimit: number("attemptsLimit"),
        scorePolicy: text("scorePolicy") === "last" ? "last" : "best",
        published: form.get("published") === "on",
        exercises: selected.map((e) => ({ exerciseId: e.id, points: chosen[e.id] ?? 0 })),
        timeZone: zone,
      };
      const created = await callApi<{ assignment: AssignmentView }>(
        `/api/classes/${classId}/assignments`,
        "POST",
        body,
      );
      if (!created.ok) return setError(created.error);
      router.push(`/classes/${classId}/assignments/${created.data.assignment.id}`);
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-5" noValidate>
      <FormError message={error ? errorText.message(error) : null} />
      <Field name="title" label={t("title")} required maxLength={200} errors={errorText.field(error, "title")} />
      <div className="flex flex-col gap-1.5">
        <label htmlFor="field-zone" className={label}>
          {t("timeZone")}
        </label>
        <select
          id="field-zone"
          value={zone}
          onChange={(event) => setZone(event.target.value)}
          className={input}
          aria-describedby="field-zone-hint"
        >
          {(zones.includes(zone) ? zones : [zone, ...zones]).map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
        <p id="field-zone-hint" className="text-base text-slate-600">
          {t("timeZoneHint")}
        </p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="opensAt" type="datetime-local" label={t("opensAt")} errors={errorText.field(error, "opensAt")} />
        <Field
          name="dueAt"
          type="datetime-local"
          label={t("dueAt")}
          required
          errors={errorText.field(error, "dueAt")}
        />
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className={label}>{t("latePolicy")}</legend>
        {(["refuse", "penalty"] as const).map((kind) => (
          <label key={kind} className="flex items-center gap-3 text-lg">
            <input
              type="radio"
              name="late"
              value={kind}
              checked={late === kind}
              onChange={() => setLate(kind)}
              className="size-5"
            />
            {t(kind)}
          </label>
        ))}
        {late === "penalty" ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              name="percentPerDay"
              type="number"
              min={0}
              max={100}
              defaultValue={10}
              label={t("percentPerDay")}
              errors={errorText.field(error, "latePolicy.percentPerDay")}
            />
            <Field
              name="maxPercent"
              type="number"
              min={0}
              max={100}
              defaultValue={50}
              label={t("maxPercent")}
              errors={errorText.field(error, "latePolicy.maxPercent")}
            />
          </div>
        ) : null}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          name="attemptsLimit"
          type="number"
          min={1}
          label={t("attemptsLimit")}
          errors={errorText.field(error, "attemptsLimit")}
        />
        <div className="flex flex-col gap-1.5">
          <label htmlFor="field-score" className={label}>
            {t("scorePolicy")}
          </label>
          <select id="field-score" name="scorePolicy" className={input} defaultValue="best">
            <option value="best">{t("best")}</option>
            <option value="last">{t("last")}</option>
          </select>
        </div>
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className={label}>{t("exercises")}</legend>
        {exercises.length === 0 ? <p className="text-lg text-slate-600">{t("noExercises")}</p> : null}
        {exercises.map((exercise) => {
          const included = chosen[exercise.id] !== null;
          return (
            <div key={exercise.id} className="flex flex-wrap items-center gap-3">
              <label className="flex min-w-0 flex-1 items-center gap-3 text-lg">
                <input
                  type="checkbox"
                  className="size-5"
                  checked={included}
                  aria-label={t("include", { title: exercise.title })}
                  onChange={(event) =>
                    setChosen((current) => ({
                      ...current,
                      [exercise.id]: event.target.checked ? exercise.points : null,
                    }))
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
                onChange={(event) =>
                  setChosen((current) => ({ ...current, [exercise.id]: Number(event.target.value) }))
                }
              />
            </div>
          );
        })}
        {errorText.field(error, "exercises") ? (
          <p className="text-base font-semibold text-red-700">{errorText.field(error, "exercises")?.join(" ")}</p>
        ) : null}
      </fieldset>
      <label className="flex items-center gap-3 text-lg">
        <input type="checkbox" name="published" defaultChecked className="size-5" />
        {t("published")}
      </label>
      <button type="submit" className={`${primaryButton} self-start`} disabled={busy}>
        {busy ? t("creating") : t("create")}
      </button>
    </form>
  );
}
