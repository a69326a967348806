"use client";

import { useTranslations } from "next-intl";
import { CPU_STRETCH_MS } from "@/lib/run-contract/run-result.types";
import { MAX_SCHEDULES } from "@/lib/traces/check-schedules";
import { cpuStretchProblem, type EditorForm } from "./editor-form";
import { fieldInput } from "./field-styles";

const label = "text-lg font-semibold text-slate-900";
const hint = "text-base text-slate-600";
const error = "text-base font-semibold text-red-700";

/**
 * The exploration budget: "automatic" (stored as 0, what a library exercise without `schedules`
 * gets: the program's choice points decide) or at most K schedules.
 */
export function SchedulesField({
  form,
  onChange,
  errors,
}: {
  form: EditorForm;
  onChange(next: EditorForm): void;
  errors?: string[];
}) {
  const t = useTranslations("exerciseEditor");
  const radio = "flex items-start gap-3 text-lg text-slate-900";
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={errors ? "exercise-schedules-error" : undefined}>
      <legend className={`${label} mb-1.5`}>{t("schedules")}</legend>
      <label className={radio}>
        <input
          type="radio"
          name="schedules-mode"
          checked={form.schedulesAuto}
          onChange={() => onChange({ ...form, schedulesAuto: true })}
          className="mt-1.5 size-5 shrink-0"
          aria-describedby="exercise-schedules-auto-hint"
        />
        <span className="flex flex-col">
          <span>{t("schedulesAuto")}</span>
          <span id="exercise-schedules-auto-hint" className={hint}>
            {t("schedulesAutoHint")}
          </span>
        </span>
      </label>
      <label className={radio}>
        <input
          type="radio"
          name="schedules-mode"
          checked={!form.schedulesAuto}
          onChange={() => onChange({ ...form, schedulesAuto: false })}
          className="mt-1.5 size-5 shrink-0"
          aria-describedby="exercise-schedules-fixed-hint"
        />
        <span className="flex flex-col">
          <span>{t("schedulesFixed")}</span>
          <span id="exercise-schedules-fixed-hint" className={hint}>
            {t("schedulesFixedHint")}
          </span>
        </span>
      </label>
      {form.schedulesAuto ? null : (
        <div className="ml-8 flex flex-col gap-1.5">
          <label htmlFor="exercise-schedules" className={label}>
            {t("schedulesCount")}
          </label>
          <input
            id="exercise-schedules"
            type="number"
            min={1}
            max={MAX_SCHEDULES}
            value={form.schedules}
            onChange={(e) => onChange({ ...form, schedules: Number(e.target.value) })}
            aria-invalid={errors ? true : undefined}
            className={`${fieldInput} w-40`}
          />
        </div>
      )}
      {errors ? (
        <p id="exercise-schedules-error" className={error}>
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

/** limits.cpuStretchMs: the CPU a loop step may use before the "held the event loop" note. */
export function CpuStretchField({
  value,
  onChange,
  errors,
}: {
  value: string;
  onChange(next: string): void;
  errors?: string[];
}) {
  const t = useTranslations("exerciseEditor");
  const problem = cpuStretchProblem(value);
  const shown = problem
    ? [t(problem === "range" ? "cpuStretchRange" : "cpuStretchNotWhole", { ...CPU_STRETCH_MS })]
    : errors;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor="exercise-cpu-stretch" className={label}>
        {t("cpuStretch")}
      </label>
      <p id="exercise-cpu-stretch-hint" className={hint}>
        {t("cpuStretchHint", { ...CPU_STRETCH_MS })}
      </p>
      <div className="flex items-center gap-3">
        <input
          id="exercise-cpu-stretch"
          inputMode="numeric"
          value={value}
          placeholder={String(CPU_STRETCH_MS.default)}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={shown ? true : undefined}
          aria-describedby={`exercise-cpu-stretch-hint${shown ? " exercise-cpu-stretch-error" : ""}`}
          className={`${fieldInput} w-40 placeholder:text-slate-500`}
        />
        <span className="text-lg text-slate-700">{t("cpuStretchUnit")}</span>
      </div>
      {shown ? (
        <p id="exercise-cpu-stretch-error" className={error}>
          {shown.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
