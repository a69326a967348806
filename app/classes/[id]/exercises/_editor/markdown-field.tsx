"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { MarkdownText } from "@/app/_components/markdown-text";

/** A Markdown textarea with a live preview beside it (below it on a phone). */
export function MarkdownField(props: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  required?: boolean;
  errors?: string[];
}) {
  const t = useTranslations("exerciseEditor");
  const [showPreview, setShowPreview] = useState(true);
  const errorId = props.errors?.length ? `${props.id}-error` : undefined;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <label htmlFor={props.id} className="text-lg font-semibold text-slate-900">
          {props.label}
        </label>
        <button
          type="button"
          className="text-base font-semibold text-brand-700 underline"
          onClick={() => setShowPreview((v) => !v)}
          aria-pressed={showPreview}
        >
          {t("preview")}
        </button>
      </div>
      <div className={`grid grid-cols-1 gap-3 ${showPreview ? "lg:grid-cols-2" : ""}`}>
        <textarea
          id={props.id}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
          required={props.required}
          rows={10}
          aria-invalid={errorId ? true : undefined}
          aria-describedby={errorId}
          className={`rounded-lg border-2 bg-white p-3 font-mono text-base text-slate-900 ${errorId ? "border-red-700" : "border-slate-400"}`}
        />
        {showPreview ? (
          <div
            className="min-h-24 min-w-0 rounded-lg border-2 border-dashed border-slate-300 bg-slate-50 p-4"
            aria-label={t("previewOf", { field: props.label })}
            role="region"
          >
            {props.value.trim() ? (
              <MarkdownText markdown={props.value} />
            ) : (
              <p className="text-base text-slate-500">{t("previewEmpty")}</p>
            )}
          </div>
        ) : null}
      </div>
      {errorId ? (
        <p id={errorId} className="text-base font-semibold text-red-700">
          {props.errors?.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
