import { assembleRunResult } from "./assemble-run-result";
import { buildSandboxCommand } from "./build-sandbox-command";
import { findMissingPackages } from "./find-missing-packages";
import { sharedHarnessCopy } from "./harness-copy";
import { loadSeccompProgram } from "./load-seccomp-program";
import { resolveSandboxConfig } from "./resolve-sandbox-config";
import { runRequestSchema, type RunRequest, type RunResult } from "@/lib/run-contract/run-result.types";
import { sandboxErrorResult } from "./sandbox-error-result";
import type { SandboxRunnerOptions } from "./sandbox-runner.types";
import { runBudgets } from "./sandbox-slot";
import { resultFromFailure } from "./to-run-result";
import { missingPackagesMessage } from "./unavailable-runner";
import { ZygoteFailure, ZygoteProcess } from "./zygote-process";

/**
 * One fresh bwrap + python3 per run, no pool: the benchmark's baseline (and a fallback for tools that
 * run a single program). Same launch chain, isolation and protocol as a pool slot, with `--once`
 * (no cgroup: the per-process RLIMIT_AS applies).
 */
export async function runCold(
  request: RunRequest,
  options: SandboxRunnerOptions & { uid?: number } = {},
): Promise<RunResult> {
  const config = resolveSandboxConfig({ ...options, mode: "bwrap" });
  const parsed = runRequestSchema.parse(request);
  const missing = findMissingPackages(config.binaries, "bwrap");
  if (missing.length > 0) return sandboxErrorResult(missingPackagesMessage(missing), parsed.seed);
  const started = performance.now();
  let zygote: ZygoteProcess;
  try {
    const command = buildSandboxCommand({
      mode: "bwrap",
      binaries: config.binaries,
      uid: options.uid ?? config.uidBase + config.poolSize,
      harnessDir: sharedHarnessCopy(config.harnessDir).ensure(),
      tmpSizeMb: config.tmpSizeMb,
      cgroupProcsFiles: [],
      once: true,
    });
    zygote = new ZygoteProcess(command, {
      seccompProgram: await loadSeccompProgram(),
      readyTimeoutMs: 15_000,
      cgroupFd: null,
    });
  } catch (error) {
    return sandboxErrorResult(`sandbox failed: ${error instanceof Error ? error.message : String(error)}`, parsed.seed);
  }
  try {
    await zygote.ready;
    const budgets = runBudgets(parsed.limits);
    const capture = await zygote.run(
      { id: 1, seed: parsed.seed, limits: parsed.limits, network: parsed.network, cgroupMemory: false },
      parsed.code,
      budgets,
      parsed.limits.wallSeconds * 1000 + 3_000,
    );
    return assembleRunResult(capture, {
      limits: parsed.limits,
      seed: parsed.seed,
      wallMs: performance.now() - started,
      oomKilled: false,
      maxFrameBytes: budgets.traceBytes,
    });
  } catch (error) {
    const failure = error instanceof ZygoteFailure ? error : new ZygoteFailure("exit", String(error));
    return resultFromFailure(failure, parsed.seed, performance.now() - started);
  } finally {
    zygote.kill();
    await zygote.exited;
  }
}
