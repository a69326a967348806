"use client";

import { useState, type ComponentProps, type FormEvent } from "react";
import { callApi, type ApiError } from "@/app/_lib/api-client";
import { useErrorText } from "@/app/_lib/use-error-text";
import { Field } from "@/app/_components/field";
import { primaryButton } from "@/app/_components/button-styles";

/**
 * One input and its submit button, side by side from `sm` up: the value is posted to `url` as
 * `{ [field.name]: value }`; an empty value is refused in the browser with `emptyMessage`.
 */
export function SingleFieldForm<T>({
  field,
  submitLabel,
  url,
  emptyMessage,
  ownMessage,
  leavesPage,
  onDone,
}: {
  field: Omit<ComponentProps<typeof Field>, "errors">;
  submitLabel: string;
  url: string;
  emptyMessage: string;
  /** The form's own wording for an API error, where it has one (else the error's text). */
  ownMessage?: (error: ApiError) => string | undefined;
  /** `onDone` navigates away: the button stays disabled until the next page shows. */
  leavesPage?: boolean;
  onDone(data: T, form: HTMLFormElement): void;
}) {
  const errorText = useErrorText();
  const [error, setError] = useState<ApiError | null>(null);
  // The browser's own refusal is already in the UI's language: shown as it is, not as an API error.
  const [empty, setEmpty] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const value = String(new FormData(form).get(field.name) ?? "");
    setError(null);
    setEmpty(!value.trim());
    if (!value.trim()) return;
    setPending(true);
    const result = await callApi<T>(url, "POST", { [field.name]: value });
    if (!result.ok || !leavesPage) setPending(false);
    if (!result.ok) return setError(result.error);
    onDone(result.data, form);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4 sm:flex-row sm:items-start" noValidate>
      <div className="flex-1">
        <Field
          {...field}
          errors={
            empty
              ? [emptyMessage]
              : (errorText.field(error, field.name) ??
                (error ? [ownMessage?.(error) ?? errorText.message(error)] : undefined))
          }
        />
      </div>
      <button type="submit" className={`${primaryButton} sm:mt-9`} disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
