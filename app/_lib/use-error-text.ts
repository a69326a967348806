"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ApiError } from "@/app/_lib/api-client";
import { errorFieldText, errorMessageText, type ErrorCatalogue } from "@/app/_lib/error-text";

/**
 * The API speaks English (lib/ messages are specific and safe to show) and names its user-facing
 * errors with a key; this hook turns an ApiError into the UI's language (see error-text.ts).
 */
export function useErrorText(): {
  message(error: ApiError): string;
  field(error: ApiError | null, name: string): string[] | undefined;
} {
  const locale = useLocale();
  const t = useTranslations("apiErrors");
  const catalogue: ErrorCatalogue = {
    english: locale === "en",
    lookup: (path, params) => (t.has(path) ? t(path, params) : undefined),
  };
  return {
    message: (error) => errorMessageText(error, catalogue),
    field: (error, name) => errorFieldText(error, name, catalogue),
  };
}
