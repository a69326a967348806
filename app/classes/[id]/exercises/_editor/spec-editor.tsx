"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { parseSpec } from "@/lib/traces/parse-spec";
import { SpecParseError } from "@/lib/traces/spec.types";

/** Where the spec text first fails to parse, checked as the instructor types (the same parser as the server). */
export function specProblem(text: string): { line: number; message: string } | null {
  if (text.trim() === "") return null;
  try {
    parseSpec(text);
    return null;
  } catch (error) {
    if (error instanceof SpecParseError) return { line: error.line, message: error.message };
    return { line: 1, message: error instanceof Error ? error.message : String(error) };
  }
}

/** The expected-trace spec, editable, with the parse error (line and message) right under it. */
export function SpecEditor(props: { value: string; onChange(value: string): void; serverError?: string | null }) {
  const t = useTranslations("exerciseEditor");
  const problem = useMemo(() => specProblem(props.value), [props.value]);
  const lineCount = props.value.split("\n").length;
  const message = problem
    ? t("specError", { line: problem.line, message: problem.message })
    : (props.serverError ?? null);
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor="exercise-spec" className="text-lg font-semibold text-slate-900">
        {t("spec")}
      </label>
      <p className="text-base text-slate-600">{t("specHint")}</p>
      <div className="flex overflow-hidden rounded-lg border-2 border-slate-400 bg-white">
        <pre
          aria-hidden="true"
          className="select-none bg-slate-100 px-2 py-3 text-right font-mono text-base leading-6 text-slate-600"
        >
          {Array.from({ length: lineCount }, (_, i) => (
            <span key={i} className={problem?.line === i + 1 ? "block bg-red-200 font-bold text-red-900" : "block"}>
              {i + 1}
            </span>
          ))}
        </pre>
        <textarea
          id="exercise-spec"
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
          rows={Math.max(8, Math.min(lineCount + 1, 30))}
          spellCheck={false}
          wrap="off"
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? "exercise-spec-error" : undefined}
          className="w-full resize-y px-3 py-3 font-mono text-base leading-6 text-slate-900 outline-offset-0"
        />
      </div>
      {message ? (
        <p id="exercise-spec-error" role="alert" className="text-base font-semibold text-red-700">
          {message}
        </p>
      ) : null}
    </div>
  );
}
