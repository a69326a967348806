import { AppError } from "@/lib/errors/app-error";
import { createHarnessCopy, type HarnessCopy } from "./harness-copy";
import type { SandboxConfig } from "./resolve-sandbox-config";
import { runRequestSchema, type RunRequest, type RunResult } from "@/lib/run-contract/run-result.types";
import { sandboxErrorResult } from "./sandbox-error-result";
import type { SandboxRunner, SandboxStatus } from "./sandbox-runner.types";
import { BROKEN_AFTER_FAILURES, SandboxSlot, type SlotRun } from "./sandbox-slot";

interface QueuedJob {
  job: SlotRun;
  resolve: (result: RunResult) => void;
}

/** A pool of warm sandboxes with a bounded FIFO queue in front of it. */
export class SandboxPool implements SandboxRunner {
  private readonly slots: SandboxSlot[];
  private readonly queue: QueuedJob[] = [];
  private readonly harness: HarnessCopy | null;
  private closed = false;

  constructor(
    private readonly config: SandboxConfig,
    private readonly seccompProgram: Promise<Buffer | null>,
  ) {
    this.harness = config.mode === "bwrap" ? createHarnessCopy(config.harnessDir) : null;
    this.slots = Array.from(
      { length: config.poolSize },
      (_, index) => new SandboxSlot(index, config, seccompProgram, this.harness, () => this.pump()),
    );
    for (const slot of this.slots) void slot.start();
  }

  run(request: RunRequest): Promise<RunResult> {
    if (this.closed) return Promise.reject(new AppError("UNAVAILABLE", "the sandbox runner is closed"));
    const parsed = runRequestSchema.safeParse(request);
    if (!parsed.success) {
      return Promise.reject(new AppError("BAD_REQUEST", parsed.error.issues[0]?.message ?? "invalid run request"));
    }
    if (this.queue.length >= this.config.maxQueue) {
      return Promise.reject(new AppError("RATE_LIMITED", "the sandbox queue is full; try again shortly"));
    }
    const broken = this.brokenMessage();
    if (broken) return Promise.resolve(sandboxErrorResult(broken, parsed.data.seed));
    return new Promise((resolve) => {
      this.queue.push({ job: parsed.data, resolve });
      this.pump();
    });
  }

  status(): SandboxStatus {
    const broken = this.brokenMessage();
    return {
      available: broken === null,
      mode: this.config.mode,
      missingPackages: [],
      poolSize: this.slots.length,
      readySlots: this.slots.filter((slot) => slot.state === "ready").length,
      busySlots: this.slots.filter((slot) => slot.state === "busy").length,
      queued: this.queue.length,
      restarts: this.slots.reduce((sum, slot) => sum + slot.restarts, 0),
      cgroups: {
        version: this.slots[0]?.cgroups.version ?? "none",
        pids: this.slots.every((slot) => slot.cgroups.pids),
        memory: this.slots.every((slot) => slot.cgroups.memory),
      },
      seccomp: this.slots.some((slot) => slot.features?.seccomp === true),
      isolation: this.isolation(),
      message: broken,
    };
  }

  /** What every run gets on this host, from the zygotes' own reports (null before any is ready). */
  private isolation(): SandboxStatus["isolation"] {
    const ready = this.slots.map((slot) => slot.features).filter((f) => f !== null);
    if (ready.length === 0) return null;
    const memory = this.slots.every((slot) => slot.cgroups.memory);
    return {
      freshTmpPerRun: ready.every((f) => f.freshTmp),
      devicesReadOnly: ready.every((f) => f.devicesSealed),
      seccomp: ready.every((f) => f.seccomp),
      memoryBound: memory ? `cgroup-${this.slots[0]?.cgroups.version ?? "none"}` : "rlimit-as",
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const queued of this.queue.splice(0)) {
      queued.resolve(sandboxErrorResult("the sandbox runner was closed before this run started", queued.job.seed));
    }
    await Promise.all(this.slots.map((slot) => slot.stop()));
    this.harness?.remove();
  }

  /** Every slot failed to start repeatedly: say why instead of queueing forever. */
  private brokenMessage(): string | null {
    const broken = this.slots.every((slot) => slot.consecutiveFailures >= BROKEN_AFTER_FAILURES);
    if (!broken) return null;
    return `the sandbox cannot start: ${this.slots[0]?.lastError ?? "unknown error"}`;
  }

  private pump(): void {
    const broken = this.brokenMessage();
    if (broken) {
      for (const queued of this.queue.splice(0)) queued.resolve(sandboxErrorResult(broken, queued.job.seed));
      return;
    }
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.state !== "ready") continue;
      const queued = this.queue.shift();
      if (!queued) return;
      void slot.run(queued.job).then((result) => {
        queued.resolve(result);
        this.pump();
      });
    }
  }
}
