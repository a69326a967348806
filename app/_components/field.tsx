import type { InputHTMLAttributes } from "react";

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
}

/** A labelled input whose hint and inline errors are wired to it with aria-describedby. */
export function Field({ name, label, hint, errors, className, ...input }: FieldProps) {
  const id = input.id ?? `field-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    // min-w-0: a datetime-local input's intrinsic width must not widen a grid cell past a phone's width.
    <div className="flex min-w-0 flex-col gap-1.5">
      <label htmlFor={id} className="text-lg font-semibold text-slate-900">
        {label}
      </label>
      <input
        {...input}
        id={id}
        name={name}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className={`min-w-0 rounded-lg border-2 bg-white px-4 py-3 text-lg text-slate-900 placeholder:text-slate-500 ${errorId ? "border-red-700" : "border-slate-400"} ${className ?? ""}`}
      />
      {hint ? (
        <p id={hintId} className="text-base text-slate-600">
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <p id={errorId} className="text-base font-semibold text-red-700">
          {errors?.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
