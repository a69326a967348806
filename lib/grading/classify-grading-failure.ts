import { AppError } from "@/lib/errors/app-error";
import { RetryableGradingError } from "./grading-queue.types";

export interface GradingFailure {
  /** infrastructure: the sandbox or a service was unavailable; checker: our own code threw. */
  kind: "infrastructure" | "checker";
  /** A checker bug is deterministic: running it again gives the same exception. */
  retry: boolean;
  message: string;
}

/**
 * The one place a grading exception is classified. Everything the student's program does (an
 * exception, a limit, a deadlock, tampering) is already a verdict by the time anything throws, so
 * whatever reaches here is ours: an unavailable sandbox is retried, anything else is a checker bug.
 */
export function classifyGradingFailure(error: unknown): GradingFailure {
  if (error instanceof RetryableGradingError || (error instanceof AppError && error.code === "UNAVAILABLE")) {
    return { kind: "infrastructure", retry: true, message: error.message };
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { kind: "checker", retry: false, message: `checker bug: ${message}` };
}
