import { AppError } from "@/lib/errors/app-error";
import { parseSpec } from "@/lib/traces/parse-spec";
import { SpecParseError } from "@/lib/traces/spec.types";

/**
 * An expected-trace text the editor may save: empty (not recorded yet) or parseable. A parse error
 * is a 400 naming the spec's line, with the line and the message in `details.spec` for the form.
 */
export function checkSpecText(text: string): void {
  if (text.trim() === "") return;
  try {
    parseSpec(text);
  } catch (error) {
    if (!(error instanceof SpecParseError)) throw error;
    throw new AppError("BAD_REQUEST", `The expected trace has an error on ${error.message}`, {
      key: "exercise.traceError",
      params: { problem: error.message },
      details: { spec: [error.message], "spec.line": [String(error.line)] },
    });
  }
}
