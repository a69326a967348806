import { buildSandboxCommand } from "./build-sandbox-command";
import { findMissingPackages } from "./find-missing-packages";
import { resolveSandboxConfig } from "./resolve-sandbox-config";
import { runRequestSchema, type RunRequest, type RunResult } from "@/lib/run-contract/run-result.types";
import { sandboxErrorResult } from "./sandbox-error-result";
import type { SandboxRunnerOptions } from "./sandbox-runner.types";
import { resultFromFailure, resultFromZygote } from "./to-run-result";
import { missingPackagesMessage } from "./unavailable-runner";
import { ZygoteFailure, ZygoteProcess } from "./zygote-process";

/**
 * One fresh bwrap + python3 per run, no pool: the benchmark's baseline (and a fallback for tools that
 * run a single program). Same launch chain and protocol as a pool slot, with `--once`.
 */
export async function runCold(request: RunRequest, options: SandboxRunnerOptions & { uid?: number } = {}): Promise<RunResult> {
  const config = resolveSandboxConfig({ ...options, mode: "bwrap" });
  const parsed = runRequestSchema.parse(request);
  const missing = findMissingPackages(config.binaries, "bwrap");
  if (missing.length > 0) return sandboxErrorResult(missingPackagesMessage(missing), parsed.seed);
  const command = buildSandboxCommand({
    mode: "bwrap",
    binaries: config.binaries,
    uid: options.uid ?? config.uidBase + config.poolSize,
    harnessDir: config.harnessDir,
    tmpSizeMb: config.tmpSizeMb,
    cgroupProcsFiles: [],
    once: true,
    seccomp: false,
  });
  const started = performance.now();
  const zygote = new ZygoteProcess(command, { seccompProgram: null, readyTimeoutMs: 15_000 });
  try {
    await zygote.ready;
    const answer = await zygote.request({ id: 1, ...parsed }, parsed.limits.wallSeconds * 1000 + 3_000);
    return resultFromZygote(answer, parsed.seed, performance.now() - started);
  } catch (error) {
    const failure = error instanceof ZygoteFailure ? error : new ZygoteFailure("exit", String(error));
    return resultFromFailure(failure, parsed.seed, performance.now() - started);
  } finally {
    zygote.kill();
    await zygote.exited;
  }
}
