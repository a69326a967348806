import os from "node:os";
import path from "node:path";
import { DEFAULT_BINARIES, type SandboxBinaries } from "./find-missing-packages";
import type { IsolationStep, SandboxRunnerOptions } from "./sandbox-runner.types";

export interface SandboxConfig {
  mode: "bwrap" | "unsafe-local";
  poolSize: number;
  uidBase: number;
  maxQueue: number;
  harnessDir: string;
  binaries: SandboxBinaries;
  tmpSizeMb: number;
  cgroups: boolean;
  production: boolean;
  isolationOff: IsolationStep[];
}

function positiveInt(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : undefined;
}

/** Options win over the environment, the environment over defaults. Pure apart from `env`. */
export function resolveSandboxConfig(
  options: SandboxRunnerOptions,
  env: NodeJS.ProcessEnv = process.env,
): SandboxConfig {
  const poolSize = options.poolSize ?? positiveInt(env.SANDBOX_POOL_SIZE) ?? Math.max(1, os.availableParallelism());
  return {
    mode: options.mode ?? (env.SANDBOX === "unsafe-local" ? "unsafe-local" : "bwrap"),
    poolSize,
    uidBase: options.uidBase ?? positiveInt(env.SANDBOX_UID_BASE) ?? 61000,
    maxQueue: options.maxQueue ?? Math.max(256, 64 * poolSize),
    // From the working directory, not __dirname: bundlers (Next) relocate compiled lib/ code.
    // (turbopackIgnore: a run-time path, not something for Next's file tracing to follow.)
    harnessDir: path.resolve(
      /*turbopackIgnore: true*/ options.harnessDir ??
        env.SANDBOX_HARNESS_DIR ??
        path.join(process.cwd(), "lib/sandbox/python"),
    ),
    binaries: {
      bwrapPath: options.bwrapPath ?? DEFAULT_BINARIES.bwrapPath,
      pythonPath: options.pythonPath ?? DEFAULT_BINARIES.pythonPath,
      setprivPath: options.setprivPath ?? DEFAULT_BINARIES.setprivPath,
      prlimitPath: options.prlimitPath ?? DEFAULT_BINARIES.prlimitPath,
    },
    tmpSizeMb: options.tmpSizeMb ?? 16,
    cgroups: options.cgroups ?? true,
    production: (options.nodeEnv ?? env.NODE_ENV) === "production",
    isolationOff: options.isolationOff ?? [],
  };
}
