"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import type { AssignmentView } from "@/lib/assignments/assignment-view";
import type { LatePolicy } from "@/lib/assignments/late-policy";
import { callApi, type ApiError } from "@/app/_lib/api-client";
import { useErrorText } from "@/app/_lib/use-error-text";
import { primaryButton } from "@/app/_components/button-styles";
import { Field } from "@/app/_components/field";
import { FormError } from "@/app/_components/form-error";
import {
  ExercisePointsFieldset,
  type ChosenPoints,
  type ExerciseOption,
} from "@/app/classes/[id]/assignments/new/exercise-points-fieldset";

/** An existing assignment as the edit form starts from: times already in the class's wall clock. */
export interface AssignmentFormValues {
  assignmentId: string;
  title: string;
  opensAt: string;
  dueAt: string;
  latePolicy: LatePolicy;
  attemptsLimit: number | null;
  scorePolicy: "best" | "last";
  published: boolean;
  points: ChosenPoints;
}

const input = "rounded-lg border-2 border-slate-400 bg-white px-3 py-2 text-lg text-slate-900";
const label = "text-lg font-semibold text-slate-900";

/**
 * Creating an assignment, or editing one (`existing`). Times are typed as the class's wall clock
 * (datetime-local) and sent without an offset: the server reads them in the class's zone, which a
 * new class takes from this browser.
 */
export function AssignmentForm({
  classId,
  classTimeZone,
  exercises,
  existing,
}: {
  classId: string;
  classTimeZone: string | null;
  exercises: ExerciseOption[];
  existing?: AssignmentFormValues;
}) {
  const t = useTranslations("assignments.form");
  const errorText = useErrorText();
  const router = useRouter();
  const [zone, setZone] = useState(classTimeZone ?? "UTC");
  const [zones, setZones] = useState<string[]>([]);
  const [late, setLate] = useState<"refuse" | "penalty">(existing?.latePolicy.kind ?? "refuse");
  const [chosen, setChosen] = useState<ChosenPoints>(
    () => existing?.points ?? Object.fromEntries(exercises.map((e) => [e.id, e.points])),
  );
  const penalty = existing?.latePolicy.kind === "penalty" ? existing.latePolicy : null;
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // The default zone is the instructor's browser's, until the class has its own.
    if (!classTimeZone) setZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
    setZones(Intl.supportedValuesOf("timeZone"));
  }, [classTimeZone]);

  const selected = useMemo(() => exercises.filter((e) => (chosen[e.id] ?? null) !== null), [exercises, chosen]);

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
      const saved = existing
        ? await callApi<{ assignment: AssignmentView }>(`/api/assignments/${existing.assignmentId}`, "PATCH", {
            ...body,
            timeZone: undefined,
          })
        : await callApi<{ assignment: AssignmentView }>(`/api/classes/${classId}/assignments`, "POST", body);
      if (!saved.ok) return setError(saved.error);
      router.push(`/classes/${classId}/assignments/${saved.data.assignment.id}`);
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-5" noValidate>
      <FormError message={error ? errorText.message(error) : null} />
      <Field
        name="title"
        label={t("title")}
        required
        maxLength={200}
        defaultValue={existing?.title}
        errors={errorText.field(error, "title")}
      />
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
        <Field
          name="opensAt"
          type="datetime-local"
          label={t("opensAt")}
          defaultValue={existing?.opensAt}
          errors={errorText.field(error, "opensAt")}
        />
        <Field
          name="dueAt"
          type="datetime-local"
          label={t("dueAt")}
          required
          defaultValue={existing?.dueAt}
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
              defaultValue={penalty?.percentPerDay ?? 10}
              label={t("percentPerDay")}
              errors={errorText.field(error, "latePolicy.percentPerDay")}
            />
            <Field
              name="maxPercent"
              type="number"
              min={0}
              max={100}
              defaultValue={penalty?.maxPercent ?? 50}
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
          defaultValue={existing?.attemptsLimit ?? undefined}
          label={t("attemptsLimit")}
          errors={errorText.field(error, "attemptsLimit")}
        />
        <div className="flex flex-col gap-1.5">
          <label htmlFor="field-score" className={label}>
            {t("scorePolicy")}
          </label>
          <select id="field-score" name="scorePolicy" className={input} defaultValue={existing?.scorePolicy ?? "best"}>
            <option value="best">{t("best")}</option>
            <option value="last">{t("last")}</option>
          </select>
        </div>
      </div>
      <ExercisePointsFieldset
        exercises={exercises}
        chosen={chosen}
        onChange={setChosen}
        error={errorText.field(error, "exercises")}
      />
      <label className="flex items-center gap-3 text-lg">
        <input type="checkbox" name="published" defaultChecked={existing?.published ?? true} className="size-5" />
        {t("published")}
      </label>
      <button type="submit" className={`${primaryButton} self-start`} disabled={busy}>
        {existing ? (busy ? t("saving") : t("save")) : busy ? t("creating") : t("create")}
      </button>
    </form>
  );
}
