import type { RunResult } from "@/lib/run-contract/run-result.types";
import { sandboxErrorResult } from "./sandbox-error-result";
import type { ZygoteFailure } from "./zygote-process";

/**
 * The zygote itself failed. Silence past the deadline is the wall limit (the program is blamed, as
 * the zygote's own wall kill would have); anything else is the sandbox's fault, never a success.
 */
export function resultFromFailure(failure: ZygoteFailure, seed: number, wallMs: number): RunResult {
  if (failure.kind === "timeout") {
    return {
      ...sandboxErrorResult("", seed, wallMs),
      status: "limit",
      limit: "wall",
      error: null,
      notes: ["the sandbox did not answer within the wall-clock limit and was restarted"],
    };
  }
  if (failure.kind === "protocol") {
    return {
      ...sandboxErrorResult(`sandbox protocol violation: ${failure.message}`, seed, wallMs),
      tamper: { reason: `sandbox protocol violation: ${failure.message}` },
    };
  }
  return sandboxErrorResult(`sandbox failed: ${failure.message}`, seed, wallMs);
}
