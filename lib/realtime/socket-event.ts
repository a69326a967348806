import type { z } from "zod";
import { AppError, toErrorResponse } from "@/lib/errors/app-error";
import type { Ack, AckResponse } from "@/lib/realtime/events";

/**
 * The one wrapper every socket event handler goes through (like `withRoute` for HTTP): it
 * validates the payload with zod, runs the handler and always answers the acknowledgement —
 * AppError becomes `{ ok: false, error: { code, message, key?, params? } }` (see ErrorBody), anything else a generic INTERNAL
 * error, so no internals ever reach a browser.
 */
export function socketEvent<S extends z.ZodType, R>(
  schema: S,
  handler: (input: z.infer<S>) => Promise<R>,
  onUnexpected: (error: unknown) => void = logUnexpected,
): (payload: unknown, ack?: unknown) => Promise<void> {
  return async (payload, ack) => {
    const reply: Ack<R> = typeof ack === "function" ? (ack as Ack<R>) : () => undefined;
    reply(await runSafely(schema, handler, payload, onUnexpected));
  };
}

async function runSafely<S extends z.ZodType, R>(
  schema: S,
  handler: (input: z.infer<S>) => Promise<R>,
  payload: unknown,
  onUnexpected: (error: unknown) => void,
): Promise<AckResponse<R>> {
  try {
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const message = parsed.error.issues.map((issue) => issue.message).join("; ");
      throw new AppError("BAD_REQUEST", message || "Invalid payload");
    }
    return { ok: true, data: await handler(parsed.data) };
  } catch (error) {
    if (!(error instanceof AppError)) onUnexpected(error);
    const { code, message, key, params } = toErrorResponse(error).body.error;
    return { ok: false, error: key ? { code, message, key, ...(params ? { params } : {}) } : { code, message } };
  }
}

function logUnexpected(error: unknown): void {
  console.error("[realtime] unexpected error in socket handler", error);
}
