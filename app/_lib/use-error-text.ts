"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ApiError } from "@/app/_lib/api-client";

const KNOWN_CODES = [
  "BAD_REQUEST",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "RATE_LIMITED",
  "INTERNAL",
  "NETWORK",
] as const;
type KnownCode = (typeof KNOWN_CODES)[number];

function isKnownCode(code: string): code is KnownCode {
  return (KNOWN_CODES as readonly string[]).includes(code);
}

/**
 * The API speaks English (lib/ messages are specific and safe to show). In English we show them
 * as they are; in other languages a localized message per error code, so a Chinese UI never
 * switches language in the middle of a form.
 */
export function useErrorText(): {
  message(error: ApiError): string;
  field(error: ApiError | null, name: string): string[] | undefined;
} {
  const locale = useLocale();
  const t = useTranslations("apiErrors");
  const english = locale === "en";
  return {
    message: (error) => (english || !isKnownCode(error.code) ? error.message : t(error.code)),
    field: (error, name) => {
      const messages = error?.details?.[name];
      if (!messages?.length) return undefined;
      return english ? messages : [t("field")];
    },
  };
}
