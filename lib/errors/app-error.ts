/**
 * The one error type the product throws on purpose. Entry points (routes, actions, sockets) map
 * `code` to an HTTP status or a socket acknowledgement with `toErrorResponse`; anything that is not
 * an AppError becomes a generic 500 with no internals.
 */
export const APP_ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

/** Values a localized message interpolates (ICU arguments of messages/<locale>.json). */
export type MessageParams = Record<string, string | number>;

/** One localizable message: `key` names `apiErrors.keys.<key>` in messages/<locale>.json. */
export interface MessageKey {
  key: string;
  params?: MessageParams;
}

/**
 * What a user-facing AppError carries besides its English message: a stable `key` (and the
 * `params` its translation interpolates), the English field `details` and, for validation
 * errors, localizable `fieldKeys` (one MessageKey per detail, see ErrorBody).
 */
export interface AppErrorOptions {
  key?: string;
  params?: MessageParams;
  details?: Record<string, string[]>;
  fieldKeys?: Record<string, MessageKey[]>;
}

type Details = Record<string, string[]>;

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Safe to show to the user; field-level details for forms. */
  readonly details?: Details;
  readonly key?: string;
  readonly params?: MessageParams;
  readonly fieldKeys?: Record<string, MessageKey[]>;

  /**
   * `new AppError(code, message, details?)` as before, or `new AppError(code, message, { key,
   * params?, details?, fieldKeys? })` for an error the browser shows in the user's language.
   */
  constructor(code: AppErrorCode, message?: string, detailsOrOptions?: Details | AppErrorOptions) {
    super(message ?? defaultMessage(code));
    this.name = "AppError";
    this.code = code;
    if (isOptions(detailsOrOptions)) {
      this.key = detailsOrOptions.key;
      this.params = detailsOrOptions.params;
      this.details = detailsOrOptions.details;
      this.fieldKeys = detailsOrOptions.fieldKeys;
    } else {
      this.details = detailsOrOptions;
    }
  }
}

/** A details map only holds arrays; options hold a string or objects under their own names. */
function isOptions(value: Details | AppErrorOptions | undefined): value is AppErrorOptions {
  if (value === undefined) return false;
  const record = value as Record<string, unknown>;
  return OPTION_NAMES.some((name) => record[name] !== undefined && !Array.isArray(record[name]));
}

const OPTION_NAMES = ["key", "params", "details", "fieldKeys"] as const;

function defaultMessage(code: AppErrorCode): string {
  return code.toLowerCase().replaceAll("_", " ");
}

/**
 * The JSON error body of every entry point (HTTP routes, server actions, socket acks).
 * - `code`, `message` (specific, English) and `details` (field → English messages) are stable.
 * - `key` + `params`: additive; the browser shows `apiErrors.keys.<key>` when its catalogue has it.
 * - `fieldKeys`: additive; field → one `{ key, params? }` per message of `details[field]`, the key
 *   again under `apiErrors.keys` (e.g. `field.tooLong` with `{ max: 120 }`).
 */
export interface ErrorBody {
  error: {
    code: AppErrorCode;
    message: string;
    details?: Details;
    key?: string;
    params?: MessageParams;
    fieldKeys?: Record<string, MessageKey[]>;
  };
}

/** One map for every entry point: HTTP status plus a JSON body that never carries internals. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.details) body.error.details = error.details;
    if (error.key) body.error.key = error.key;
    if (error.key && error.params) body.error.params = error.params;
    if (error.fieldKeys) body.error.fieldKeys = error.fieldKeys;
    return { status: APP_ERROR_STATUS[error.code], body };
  }
  return { status: 500, body: { error: { code: "INTERNAL", message: "Something went wrong on our side." } } };
}
