import type { RunResult } from "@/lib/run-contract/run-result.types";

/** A run that never reached student code (or lost its supervisor): infrastructure, not a verdict. */
export function sandboxErrorResult(message: string, seed = 0, wallMs = 0): RunResult {
  return {
    status: "sandbox_error",
    events: [],
    virtualTime: 0,
    error: { type: "SandboxError", message, line: null, traceback: "" },
    limit: null,
    wallMs,
    seed,
    tamper: null,
    deadlock: null,
    notes: [message],
  };
}
