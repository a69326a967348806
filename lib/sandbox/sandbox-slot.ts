import { randomBytes } from "node:crypto";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { assembleRunResult } from "./assemble-run-result";
import { buildSandboxCommand } from "./build-sandbox-command";
import type { HarnessCopy } from "./harness-copy";
import type { SandboxConfig } from "./resolve-sandbox-config";
import type { RunLimits, RunResult } from "@/lib/run-contract/run-result.types";
import type { NetworkSpec } from "@/lib/run-contract/network-spec.types";
import { createSlotCgroup, type SlotCgroup } from "./slot-cgroup";
import { resultFromFailure } from "./to-run-result";
import { maxTraceBytes, type ZygoteReady } from "./zygote-protocol";
import { ZygoteFailure, ZygoteProcess, type RunBudgets } from "./zygote-process";

const READY_TIMEOUT_MS = 15_000;
/** Past the zygote's own wall kill, Node waits this long before declaring the slot hung. */
const WALL_MARGIN_MS = 3_000;
const MAX_BACKOFF_MS = 5_000;
const MIB = 1024 * 1024;
const RAW_KEEP_BYTES = 64 * 1024;
/** After this many failed starts in a row the slot counts as broken: runs get sandbox_error, not a wait. */
export const BROKEN_AFTER_FAILURES = 3;

/** "lean": no networking libraries preloaded (most runs); "networked": see needs-network-zygote.ts. */
export type ZygoteKind = "lean" | "networked";

export interface SlotRun {
  code: string;
  seed: number;
  limits: RunLimits;
  network: NetworkSpec | null;
}

export function runBudgets(limits: RunLimits): RunBudgets {
  return {
    traceBytes: maxTraceBytes(limits),
    rawKeepBytes: RAW_KEEP_BYTES,
    rawKillBytes: Math.max(256 * MIB, 16 * limits.maxOutputBytes),
  };
}

/**
 * One long-lived sandbox with its own cgroups and zygote of one kind. It restarts itself after a
 * crash, a hang or a recycle request; runs are strictly one at a time. The pool pairs a lean and a
 * networked slot on one uid and never runs both at once (sandbox-pool.ts).
 */
export class SandboxSlot {
  /** "idle": never started (a networked slot starts when the first run needs it). */
  state: "idle" | "starting" | "ready" | "busy" | "stopped" = "idle";
  restarts = 0;
  consecutiveFailures = 0;
  lastError: string | null = null;
  /** What the running zygote could set up (fresh tmpfs per run, sealed devices, seccomp). */
  features: ZygoteReady | null = null;
  private process: ZygoteProcess | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  private nextId = 1;
  private readonly cgroup: SlotCgroup;
  private readonly workdir: string | undefined;

  constructor(
    readonly index: number,
    readonly kind: ZygoteKind,
    private readonly config: SandboxConfig,
    private readonly seccompProgram: Promise<Buffer | null>,
    private readonly harness: HarnessCopy | null,
    private readonly onChange: () => void,
  ) {
    this.cgroup = createSlotCgroup({
      // Other containers on the host share the cgroup tree and may reuse our pid: add randomness.
      name: `interleave-${process.pid}-${randomBytes(4).toString("hex")}-slot${index}${kind === "networked" ? "-net" : ""}`,
      maxPids: 128,
      enabled: config.cgroups,
    });
    this.workdir = config.mode === "unsafe-local" ? this.createWorkdir() : undefined;
  }

  /** unsafe-local only: a private host directory standing in for the sandbox's /tmp. */
  private createWorkdir(): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), "interleave-run-"));
    if (process.getuid?.() === 0) chownSync(dir, this.uid, this.uid);
    return dir;
  }

  get uid(): number {
    return this.config.uidBase + this.index;
  }

  get cgroups(): { version: SlotCgroup["version"]; pids: boolean; memory: boolean } {
    return { version: this.cgroup.version, pids: this.cgroup.pids, memory: this.cgroup.memory };
  }

  async start(): Promise<void> {
    if (this.state === "stopped") return;
    this.state = "starting";
    const seccompProgram = await this.seccompProgram;
    let zygote: ZygoteProcess;
    try {
      const cgroupFd = this.cgroup.ensure();
      const command = buildSandboxCommand({
        mode: this.config.mode,
        binaries: this.config.binaries,
        uid: this.uid,
        harnessDir: this.harness ? this.harness.ensure() : this.config.harnessDir,
        tmpSizeMb: this.config.tmpSizeMb,
        cgroupProcsFiles: this.cgroup.procsFiles,
        once: false,
        networked: this.kind === "networked",
        workdir: this.workdir,
        isolationOff: this.config.isolationOff,
      });
      zygote = new ZygoteProcess(command, { seccompProgram, readyTimeoutMs: READY_TIMEOUT_MS, cgroupFd });
    } catch (error) {
      this.onStartFailure(error, null);
      return;
    }
    this.process = zygote;
    zygote.onExit(() => {
      if (this.process === zygote && this.state === "ready") void this.restart();
    });
    try {
      this.features = await zygote.ready;
    } catch (error) {
      this.onStartFailure(error, zygote);
      return;
    }
    // stop() may have run while we awaited; the process check covers it (stop clears it).
    if (this.process !== zygote) return;
    this.consecutiveFailures = 0;
    this.state = "ready";
    this.onChange();
  }

  private onStartFailure(error: unknown, zygote: ZygoteProcess | null): void {
    this.lastError = error instanceof Error ? error.message : String(error);
    // A fatal report (the harness cannot be imported) will not fix itself by retrying at once.
    const fatal = zygote === null || (error instanceof ZygoteFailure && error.kind === "fatal");
    this.consecutiveFailures += fatal ? BROKEN_AFTER_FAILURES : 1;
    if (zygote === null || this.process === zygote) this.scheduleRestart();
    this.onChange();
  }

  async run(job: SlotRun): Promise<RunResult> {
    const zygote = this.process;
    if (!zygote || this.state !== "ready") throw new Error("slot is not ready");
    this.state = "busy";
    const started = performance.now();
    const timeoutMs = job.limits.wallSeconds * 1000 + WALL_MARGIN_MS;
    const cgroupMemory =
      !this.config.isolationOff.includes("memoryCgroup") && this.cgroup.setRunMemory(job.limits.memoryMb * MIB);
    const budgets = runBudgets(job.limits);
    try {
      const capture = await zygote.run(
        { id: this.nextId++, seed: job.seed, limits: job.limits, network: job.network, cgroupMemory },
        job.code,
        budgets,
        timeoutMs,
      );
      const result = assembleRunResult(capture, {
        limits: job.limits,
        seed: job.seed,
        wallMs: performance.now() - started,
        oomKilled: this.cgroup.oomKills() > 0,
        maxFrameBytes: budgets.traceBytes,
      });
      if (capture.done.recycle || capture.streamsBroken) void this.restart();
      else this.state = "ready";
      return result;
    } catch (error) {
      const failure = error instanceof ZygoteFailure ? error : new ZygoteFailure("exit", String(error));
      this.lastError = failure.message;
      void this.restart();
      return resultFromFailure(failure, job.seed, performance.now() - started);
    }
  }

  async stop(): Promise<void> {
    this.state = "stopped";
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const zygote = this.process;
    this.process = null;
    if (zygote) {
      zygote.kill();
      await zygote.exited;
    }
    await this.cgroup.remove();
    if (this.workdir) rmSync(this.workdir, { recursive: true, force: true });
  }

  private async restart(): Promise<void> {
    if (this.state === "stopped") return;
    this.restarts += 1;
    this.state = "starting";
    const old = this.process;
    this.process = null;
    if (old) {
      old.kill();
      await old.exited;
    }
    await this.start();
  }

  private scheduleRestart(): void {
    const delay = Math.min(MAX_BACKOFF_MS, 100 * 2 ** this.consecutiveFailures);
    // Not unref'd: queued runs wait on this restart; stop() clears it.
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      void this.restart();
    }, delay);
  }
}
