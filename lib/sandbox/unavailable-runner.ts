import type { RunRequest, RunResult } from "@/lib/run-contract/run-result.types";
import { sandboxErrorResult } from "./sandbox-error-result";
import type { SandboxMode, SandboxRunner, SandboxStatus } from "./sandbox-runner.types";

/** Stands in when the host cannot sandbox: the app still starts and every run says why. */
export function createUnavailableRunner(options: {
  mode: SandboxMode;
  poolSize: number;
  missingPackages: string[];
  message: string;
}): SandboxRunner {
  return {
    run(request: RunRequest): Promise<RunResult> {
      return Promise.resolve(sandboxErrorResult(options.message, request.seed ?? 0));
    },
    status(): SandboxStatus {
      return {
        available: false,
        mode: "unavailable",
        missingPackages: options.missingPackages,
        poolSize: 0,
        readySlots: 0,
        busySlots: 0,
        queued: 0,
        restarts: 0,
        cgroups: { version: "none", pids: false, memory: false },
        seccomp: false,
        isolation: null,
        message: options.message,
      };
    },
    close: () => Promise.resolve(),
  };
}

export function missingPackagesMessage(missing: string[]): string {
  return `the sandbox is unavailable: install the Debian package${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (apt-get install ${missing.join(" ")})`;
}
