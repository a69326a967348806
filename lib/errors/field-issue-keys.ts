import type { z } from "zod";
import type { MessageKey } from "@/lib/errors/app-error";

/** Every key `fieldIssueKey` can return (under `apiErrors.keys` in messages/<locale>.json). */
export const FIELD_ISSUE_KEYS = [
  "field.required",
  "field.tooShort",
  "field.tooLong",
  "field.tooFew",
  "field.tooMany",
  "field.atLeast",
  "field.atMost",
  "field.above",
  "field.below",
  "field.email",
  "field.format",
  "field.choice",
  "field.invalid",
] as const;

type FieldIssueKey = (typeof FIELD_ISSUE_KEYS)[number];

function entry(key: FieldIssueKey, params?: Record<string, number>): MessageKey {
  return params ? { key, params } : { key };
}

/**
 * A localizable key for one zod issue, by kind: missing, too short/long (strings), too few/many
 * (lists), out of range (numbers), bad format, not one of the choices; anything else "invalid".
 */
export function fieldIssueKey(issue: z.core.$ZodIssue): MessageKey {
  switch (issue.code) {
    case "invalid_type":
      return entry(isMissing(issue) ? "field.required" : "field.invalid");
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string") return min <= 1 ? entry("field.required") : entry("field.tooShort", { min });
      if (issue.origin === "array" || issue.origin === "set") return entry("field.tooFew", { min });
      if (issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint")
        return entry(issue.inclusive === false ? "field.above" : "field.atLeast", { min });
      return entry("field.invalid");
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string") return entry("field.tooLong", { max });
      if (issue.origin === "array" || issue.origin === "set") return entry("field.tooMany", { max });
      if (issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint")
        return entry(issue.inclusive === false ? "field.below" : "field.atMost", { max });
      return entry("field.invalid");
    }
    case "invalid_format":
      return entry(issue.format === "email" ? "field.email" : "field.format");
    case "invalid_value":
      return entry("field.choice");
    default:
      return entry("field.invalid");
  }
}

/** Parsed with `reportInput` (parseInput does), the issue holds the input; else zod's own message says. */
function isMissing(issue: z.core.$ZodIssueInvalidType): boolean {
  return "input" in issue ? issue.input === undefined : /received undefined$/.test(issue.message);
}
