"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { PythonEditor } from "@/app/_components/python-editor/python-editor";
import { MarkdownField } from "./markdown-field";
import type { EditorForm } from "./editor-form";
import { fieldInput as input } from "./field-styles";
import { CpuStretchField, SchedulesField } from "./limit-fields";

type FieldErrors = Record<string, string[] | undefined>;

/** Kind, titles and prompts in both languages, starter and reference code, points, schedules, limits. */
export function ExerciseFields({
  form,
  onChange,
  errors,
  kindLocked,
}: {
  form: EditorForm;
  onChange(next: EditorForm): void;
  errors: FieldErrors;
  kindLocked: boolean;
}) {
  const t = useTranslations("exerciseEditor");
  const set = <K extends keyof EditorForm>(key: K, value: EditorForm[K]) => onChange({ ...form, [key]: value });
  /** One field's value, setter and errors (`errorKey`: the field's path in the API's error details). */
  const bind = <K extends keyof EditorForm>(key: K, errorKey: string) => ({
    value: form[key],
    onChange: (value: EditorForm[K]) => set(key, value),
    errors: errors[errorKey],
  });
  const write = form.kind === "WRITE_CODE";
  return (
    <div className="flex flex-col gap-6">
      <fieldset className="flex flex-col gap-2" disabled={kindLocked}>
        <legend className="text-lg font-semibold text-slate-900">{t("kind")}</legend>
        <div className="flex flex-wrap gap-4">
          {(["WRITE_CODE", "PREDICT_OUTPUT"] as const).map((kind) => (
            <label key={kind} className="flex items-center gap-2 text-lg">
              <input
                type="radio"
                name="kind"
                value={kind}
                checked={form.kind === kind}
                onChange={() => set("kind", kind)}
                className="size-5"
              />
              {kind === "WRITE_CODE" ? t("kindWrite") : t("kindPredict")}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 md:grid-cols-2">
        <TextInput id="exercise-title-en" label={t("titleEn")} {...bind("titleEn", "title.en")} required />
        <TextInput id="exercise-title-zh" label={t("titleZh")} {...bind("titleZh", "title.zh")} hint={t("zhHint")} />
      </div>
      <MarkdownField id="exercise-prompt-en" label={t("promptEn")} {...bind("promptEn", "prompt.en")} required />
      <MarkdownField id="exercise-prompt-zh" label={t("promptZh")} {...bind("promptZh", "prompt.zh")} />
      {write ? <CodeField id="exercise-starter" label={t("starter")} {...bind("starter", "starter")} /> : null}
      <CodeField
        id="exercise-solution"
        label={write ? t("solution") : t("program")}
        {...bind("solution", "solution")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <NumberInput id="exercise-points" label={t("points")} min={0} max={1000} {...bind("points", "points")} />
        <SchedulesField form={form} onChange={onChange} errors={errors.schedules} />
      </div>
      <CpuStretchField {...bind("cpuStretchText", "limits.cpuStretchMs")} />
      <div className="flex flex-col gap-1.5">
        <label htmlFor="exercise-limits" className="text-lg font-semibold text-slate-900">
          {t("limits")}
        </label>
        <p id="exercise-limits-hint" className="text-base text-slate-600">
          {t("limitsHint")}
        </p>
        <textarea
          id="exercise-limits"
          aria-describedby="exercise-limits-hint"
          rows={3}
          value={form.limitsText}
          onChange={(e) => set("limitsText", e.target.value)}
          className={`${input} font-mono text-base`}
          spellCheck={false}
        />
        {errors.limits ? <p className="text-base font-semibold text-red-700">{errors.limits.join(" ")}</p> : null}
      </div>
    </div>
  );
}

/** A label above its control, then an optional hint and the field's errors. */
function FieldFrame(props: { id: string; label: string; hint?: string; errors?: string[]; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={props.id} className="text-lg font-semibold text-slate-900">
        {props.label}
      </label>
      {props.children}
      {props.hint ? <p className="text-base text-slate-600">{props.hint}</p> : null}
      {props.errors ? <p className="text-base font-semibold text-red-700">{props.errors.join(" ")}</p> : null}
    </div>
  );
}

interface InputProps<T> {
  id: string;
  label: string;
  value: T;
  onChange(v: T): void;
  errors?: string[];
  hint?: string;
}

function TextInput(props: InputProps<string> & { required?: boolean }) {
  return (
    <FieldFrame {...props}>
      <input
        id={props.id}
        value={props.value}
        required={props.required}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.errors ? true : undefined}
        className={input}
      />
    </FieldFrame>
  );
}

function NumberInput(props: InputProps<number> & { min: number; max: number }) {
  return (
    <FieldFrame {...props}>
      <input
        id={props.id}
        type="number"
        min={props.min}
        max={props.max}
        value={props.value}
        onChange={(e) => props.onChange(Number(e.target.value))}
        className={input}
      />
    </FieldFrame>
  );
}

function CodeField(props: Omit<InputProps<string>, "hint">) {
  return (
    <FieldFrame {...props}>
      <PythonEditor
        id={props.id}
        label={props.label}
        value={props.value}
        onChange={props.onChange}
        minLines={8}
        maxLines={24}
      />
    </FieldFrame>
  );
}
