import type { z } from "zod";
import { AppError, type MessageKey } from "@/lib/errors/app-error";
import { fieldIssueKey } from "@/lib/errors/field-issue-keys";

/**
 * Validates a use case's input with its zod schema; failures become one BAD_REQUEST AppError with
 * field-level messages (safe to show in a form) and, per message, a localizable `fieldKeys` entry
 * (see ErrorBody). Lives in lib/config for ownership reasons: it belongs with lib/errors and can
 * move there unchanged.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  // reportInput lets fieldIssueKey tell a missing value from a wrong one; inputs never reach the body.
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const details: Record<string, string[]> = {};
  const fieldKeys: Record<string, MessageKey[]> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? issue.path.join(".") : "_";
    (details[field] ??= []).push(issue.message);
    (fieldKeys[field] ??= []).push(fieldIssueKey(issue));
  }
  const first = result.error.issues[0];
  throw new AppError("BAD_REQUEST", first ? first.message : "Invalid input.", { details, fieldKeys });
}
