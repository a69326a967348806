import { findMissingPackages } from "./find-missing-packages";
import { resolveSandboxConfig } from "./resolve-sandbox-config";
import type { SandboxRunner, SandboxRunnerOptions, SandboxStatus } from "./sandbox-runner.types";
import { cgroupSupport } from "./cgroup-layout";
import { missingPackagesMessage } from "./unavailable-runner";

export interface SandboxHealth {
  available: boolean;
  mode: SandboxStatus["mode"];
  missingPackages: string[];
  poolSize: number;
  cgroups: SandboxStatus["cgroups"];
  /** What every run gets (from a running pool), or null. */
  isolation: SandboxStatus["isolation"];
  /** How a run's memory is bounded on this host, in words (what is and is not enforced). */
  memoryBound: string;
  message: string | null;
  /** Live pool figures when a running runner was given. */
  pool: SandboxStatus | null;
}

/**
 * For /api/health: the live runner's status when one is given, otherwise what a runner created now
 * would be (filesystem checks only; no process is started).
 */
export function checkSandbox(options: SandboxRunnerOptions & { runner?: SandboxRunner } = {}): SandboxHealth {
  if (options.runner) {
    const status = options.runner.status();
    return {
      available: status.available,
      mode: status.mode,
      missingPackages: status.missingPackages,
      poolSize: status.poolSize,
      cgroups: status.cgroups,
      isolation: status.isolation,
      memoryBound: describeMemoryBound(status.cgroups),
      message: status.message,
      pool: status,
    };
  }
  const config = resolveSandboxConfig(options);
  const refused = config.mode === "unsafe-local" && config.production;
  const missing = findMissingPackages(config.binaries, config.mode);
  const cgroups: SandboxStatus["cgroups"] = config.cgroups
    ? cgroupSupport()
    : { version: "none", pids: false, memory: false };
  const message = refused
    ? "SANDBOX=unsafe-local is refused when NODE_ENV=production"
    : missing.length > 0
      ? missingPackagesMessage(missing)
      : null;
  return {
    available: message === null,
    mode: message === null ? config.mode : "unavailable",
    missingPackages: missing,
    poolSize: message === null ? config.poolSize : 0,
    cgroups,
    isolation: null,
    memoryBound: describeMemoryBound(cgroups),
    message,
    pool: null,
  };
}

/** For operators: what the memory limit of an exercise means on this host. */
export function describeMemoryBound(cgroups: SandboxStatus["cgroups"]): string {
  if (cgroups.memory) {
    return `cgroup ${cgroups.version}: one bound per run (memoryMb) over all of its processes, threads, memfds and /tmp pages, counting memory really used`;
  }
  return "no writable memory cgroup: only RLIMIT_AS per process (address space, not memory used; several processes or memfds of one run can together exceed memoryMb; /tmp is still capped by its own size)";
}
