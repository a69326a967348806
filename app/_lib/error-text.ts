import type { ApiError } from "@/app/_lib/api-client";
import type { MessageParams } from "@/lib/errors/app-error";

/** Codes with a generic text of their own in `apiErrors.<CODE>` (NETWORK is the browser's own). */
export const KNOWN_CODES = [
  "BAD_REQUEST",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "PAYLOAD_TOO_LARGE",
  "UNPROCESSABLE",
  "RATE_LIMITED",
  "INTERNAL",
  "UNAVAILABLE",
  "NETWORK",
] as const;

function isKnownCode(code: string): boolean {
  return (KNOWN_CODES as readonly string[]).includes(code);
}

/** The catalogue as the mapping needs it: a translated `apiErrors.<path>`, or undefined if absent. */
export interface ErrorCatalogue {
  english: boolean;
  lookup(path: string, params?: MessageParams): string | undefined;
}

/**
 * The text of an API error in the UI's language. A keyed error shows `apiErrors.keys.<key>`;
 * without a (known) key English shows the server's specific message and other languages the
 * generic text of the code, so a Chinese page never switches language mid-form.
 */
export function errorMessageText(error: ApiError, catalogue: ErrorCatalogue): string {
  const keyed = error.key ? catalogue.lookup(`keys.${error.key}`, error.params) : undefined;
  if (keyed !== undefined) return keyed;
  if (catalogue.english || !isKnownCode(error.code)) return error.message;
  return catalogue.lookup(error.code) ?? error.message;
}

/**
 * The texts under one form field. English shows the server's details; other languages the
 * localized `fieldKeys` (validation issues), else the keyed error itself (a lib refusal that names
 * the field), else one generic "check this field".
 */
export function errorFieldText(error: ApiError | null, name: string, catalogue: ErrorCatalogue): string[] | undefined {
  const messages = error?.details?.[name];
  if (!error || !messages?.length) return undefined;
  if (catalogue.english) return messages;
  const keyed = (error.fieldKeys?.[name] ?? []).map((entry) => catalogue.lookup(`keys.${entry.key}`, entry.params));
  if (keyed.length > 0 && keyed.every((text) => text !== undefined)) return [...new Set(keyed as string[])];
  const whole = error.key ? catalogue.lookup(`keys.${error.key}`, error.params) : undefined;
  return [whole ?? catalogue.lookup("field") ?? messages[0]];
}
