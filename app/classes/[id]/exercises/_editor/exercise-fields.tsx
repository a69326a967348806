"use client";

import { useTranslations } from "next-intl";
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
        <TextInput
          id="exercise-title-en"
          label={t("titleEn")}
          value={form.titleEn}
          onChange={(v) => set("titleEn", v)}
          errors={errors["title.en"]}
          required
        />
        <TextInput
          id="exercise-title-zh"
          label={t("titleZh")}
          value={form.titleZh}
          onChange={(v) => set("titleZh", v)}
          errors={errors["title.zh"]}
          hint={t("zhHint")}
        />
      </div>
      <MarkdownField
        id="exercise-prompt-en"
        label={t("promptEn")}
        value={form.promptEn}
        onChange={(v) => set("promptEn", v)}
        errors={errors["prompt.en"]}
        required
      />
      <MarkdownField
        id="exercise-prompt-zh"
        label={t("promptZh")}
        value={form.promptZh}
        onChange={(v) => set("promptZh", v)}
        errors={errors["prompt.zh"]}
      />
      {write ? (
        <CodeField
          id="exercise-starter"
          label={t("starter")}
          value={form.starter}
          onChange={(v) => set("starter", v)}
          errors={errors.starter}
        />
      ) : null}
      <CodeField
        id="exercise-solution"
        label={write ? t("solution") : t("program")}
        value={form.solution}
        onChange={(v) => set("solution", v)}
        errors={errors.solution}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <NumberInput
          id="exercise-points"
          label={t("points")}
          value={form.points}
          min={0}
          max={1000}
          onChange={(v) => set("points", v)}
          errors={errors.points}
        />
        <SchedulesField form={form} onChange={onChange} errors={errors.schedules} />
      </div>
      <CpuStretchField
        value={form.cpuStretchText}
        onChange={(v) => set("cpuStretchText", v)}
        errors={errors["limits.cpuStretchMs"]}
      />
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

function TextInput(props: {
  id: string;
  label: string;
  value: string;
  onChange(v: string): void;
  errors?: string[];
  hint?: string;
  required?: boolean;
}) {
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={props.id} className="text-lg font-semibold text-slate-900">
        {props.label}
      </label>
      <input
        id={props.id}
        value={props.value}
        required={props.required}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.errors ? true : undefined}
        className={input}
      />
      {props.hint ? <p className="text-base text-slate-600">{props.hint}</p> : null}
      {props.errors ? <p className="text-base font-semibold text-red-700">{props.errors.join(" ")}</p> : null}
    </div>
  );
}

function NumberInput(props: {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  onChange(v: number): void;
  errors?: string[];
  hint?: string;
}) {
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={props.id} className="text-lg font-semibold text-slate-900">
        {props.label}
      </label>
      <input
        id={props.id}
        type="number"
        min={props.min}
        max={props.max}
        value={props.value}
        onChange={(e) => props.onChange(Number(e.target.value))}
        className={input}
      />
      {props.hint ? <p className="text-base text-slate-600">{props.hint}</p> : null}
      {props.errors ? <p className="text-base font-semibold text-red-700">{props.errors.join(" ")}</p> : null}
    </div>
  );
}

function CodeField(props: { id: string; label: string; value: string; onChange(v: string): void; errors?: string[] }) {
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={props.id} className="text-lg font-semibold text-slate-900">
        {props.label}
      </label>
      <PythonEditor
        id={props.id}
        label={props.label}
        value={props.value}
        onChange={props.onChange}
        minLines={8}
        maxLines={24}
      />
      {props.errors ? <p className="text-base font-semibold text-red-700">{props.errors.join(" ")}</p> : null}
    </div>
  );
}
