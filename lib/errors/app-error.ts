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

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Safe to show to the user; field-level details for forms. */
  readonly details?: Record<string, string[]>;

  constructor(code: AppErrorCode, message?: string, details?: Record<string, string[]>) {
    super(message ?? defaultMessage(code));
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }
}

function defaultMessage(code: AppErrorCode): string {
  return code.toLowerCase().replaceAll("_", " ");
}

export interface ErrorBody {
  error: { code: AppErrorCode; message: string; details?: Record<string, string[]> };
}

/** One map for every entry point: HTTP status plus a JSON body that never carries internals. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.details) body.error.details = error.details;
    return { status: APP_ERROR_STATUS[error.code], body };
  }
  return { status: 500, body: { error: { code: "INTERNAL", message: "Something went wrong on our side." } } };
}
