import type { z } from "zod";
import type { SessionUser } from "@/lib/auth/session-user";
import { AppError, toErrorResponse, type ErrorBody } from "@/lib/errors/app-error";
import { getSessionUser } from "@/app/_lib/session";
import { parseInput } from "@/lib/config/parse-input";
import { errorFields, getLogger } from "@/lib/observability/logger";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody["error"] };

/**
 * The server-action twin of `withRoute`: session and role, zod parsing, and errors returned as
 * values (a thrown error would reach the browser as an opaque digest, not as a form message).
 */
export function withAction<S extends z.ZodType, R>(
  options: { auth: "user" | "instructor"; input: S },
  handler: (ctx: { user: SessionUser; input: z.infer<S> }) => Promise<R>,
): (input: unknown) => Promise<ActionResult<R>> {
  return async (rawInput) => {
    try {
      const user = await getSessionUser();
      if (!user) throw new AppError("UNAUTHENTICATED", "Sign in first.", { key: "auth.signInFirst" });
      if (options.auth === "instructor" && user.role !== "instructor")
        throw new AppError("FORBIDDEN", "Only instructors can do this.", { key: "auth.instructorsOnly" });
      const input = parseInput(options.input, rawInput);
      return { ok: true, data: await handler({ user, input }) };
    } catch (error) {
      if (!(error instanceof AppError)) getLogger("action").error(errorFields(error), "unexpected error");
      return { ok: false, error: toErrorResponse(error).body.error };
    }
  };
}
