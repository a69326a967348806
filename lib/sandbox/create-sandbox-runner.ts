import { findMissingPackages } from "./find-missing-packages";
import { loadSeccompProgram } from "./load-seccomp-program";
import { resolveSandboxConfig } from "./resolve-sandbox-config";
import { SandboxPool } from "./sandbox-pool";
import type { SandboxRunner, SandboxRunnerOptions } from "./sandbox-runner.types";
import { createUnavailableRunner, missingPackagesMessage } from "./unavailable-runner";

export const UNSAFE_LOCAL_WARNING = [
  "",
  "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
  "!!  SANDBOX=unsafe-local: student Python runs WITHOUT bubblewrap isolation.    !!",
  "!!  Only resource limits apply; it can read this machine's files and network.  !!",
  "!!  For development only. It is refused when NODE_ENV=production.              !!",
  "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
  "",
].join("\n");

let warnedUnsafe = false;

/**
 * The sandbox runner for this host: a warm bubblewrap pool (default), the explicit unsafe-local
 * development mode, or — when a package is missing or unsafe-local is asked for in production — a
 * runner whose every run is a sandbox_error saying why. Never throws: the app must still start.
 */
export function createSandboxRunner(options: SandboxRunnerOptions = {}): SandboxRunner {
  const config = resolveSandboxConfig(options);
  if (config.mode === "unsafe-local" && config.production) {
    return createUnavailableRunner({
      mode: "unavailable",
      poolSize: 0,
      missingPackages: [],
      message: "the sandbox is unavailable: SANDBOX=unsafe-local is refused when NODE_ENV=production",
    });
  }
  const missing = findMissingPackages(config.binaries, config.mode);
  if (missing.length > 0) {
    return createUnavailableRunner({
      mode: "unavailable",
      poolSize: 0,
      missingPackages: missing,
      message: missingPackagesMessage(missing),
    });
  }
  if (config.mode === "unsafe-local") {
    // Once per process on the console; every time for an explicit `warn` (tests, the CLI).
    if (options.warn) options.warn(UNSAFE_LOCAL_WARNING);
    else if (!warnedUnsafe) console.warn(UNSAFE_LOCAL_WARNING);
    warnedUnsafe = true;
  }
  const seccomp =
    config.mode === "bwrap" && !config.isolationOff.includes("seccomp") ? loadSeccompProgram() : Promise.resolve(null);
  return new SandboxPool(config, seccomp);
}
