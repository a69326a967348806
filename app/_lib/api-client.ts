/** Browser-side helper: calls a route handler and returns its JSON or its `{ error }` body. */
import type { MessageKey, MessageParams } from "@/lib/errors/app-error";

/** The browser's view of ErrorBody["error"] (lib/errors/app-error.ts), plus the NETWORK code. */
export interface ApiError {
  code: string;
  message: string;
  details?: Record<string, string[]>;
  key?: string;
  params?: MessageParams;
  fieldKeys?: Record<string, MessageKey[]>;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export async function callApi<T>(
  url: string,
  method: "POST" | "PUT" | "PATCH" | "DELETE" | "GET",
  body?: unknown,
): Promise<ApiResult<T>> {
  try {
    const response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json: unknown = await response.json().catch(() => null);
    if (response.ok) return { ok: true, data: json as T };
    if (isErrorBody(json)) return { ok: false, error: json.error };
    return { ok: false, error: { code: "INTERNAL", message: `HTTP ${response.status}` } };
  } catch {
    return { ok: false, error: { code: "NETWORK", message: "The server could not be reached." } };
  }
}

function isErrorBody(value: unknown): value is { error: ApiError } {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === "object" && error !== null && "message" in error;
}
