import { AppError } from "@/lib/errors/app-error";
import { createHarnessCopy, type HarnessCopy } from "./harness-copy";
import { needsNetworkZygote } from "./needs-network-zygote";
import type { SandboxConfig } from "./resolve-sandbox-config";
import { runRequestSchema, type RunRequest, type RunResult } from "@/lib/run-contract/run-result.types";
import { sandboxErrorResult } from "./sandbox-error-result";
import type { SandboxRunner, SandboxStatus } from "./sandbox-runner.types";
import { BROKEN_AFTER_FAILURES, SandboxSlot, type SlotRun, type ZygoteKind } from "./sandbox-slot";

interface QueuedJob {
  job: SlotRun;
  kind: ZygoteKind;
  resolve: (result: RunResult) => void;
}

/**
 * One uid's two sandboxes: the lean zygote (started at once) and the networked one (started when
 * the first run needs it). At most one of them runs at a time, so the pool's concurrency is the
 * number of pairs and memory stays bounded by two zygotes per pair.
 */
interface SlotPair {
  lean: SandboxSlot;
  networked: SandboxSlot;
}

function busy(pair: SlotPair): boolean {
  return pair.lean.state === "busy" || pair.networked.state === "busy";
}

/** A pool of warm sandboxes with a bounded FIFO queue in front of it. */
export class SandboxPool implements SandboxRunner {
  private readonly pairs: SlotPair[];
  private readonly queue: QueuedJob[] = [];
  private readonly harness: HarnessCopy | null;
  private closed = false;

  constructor(
    private readonly config: SandboxConfig,
    private readonly seccompProgram: Promise<Buffer | null>,
  ) {
    this.harness = config.mode === "bwrap" ? createHarnessCopy(config.harnessDir) : null;
    const slot = (index: number, kind: ZygoteKind) =>
      new SandboxSlot(index, kind, config, seccompProgram, this.harness, () => this.pump());
    this.pairs = Array.from({ length: config.poolSize }, (_, index) => ({
      lean: slot(index, "lean"),
      networked: slot(index, "networked"),
    }));
    for (const pair of this.pairs) void pair.lean.start();
  }

  private get slots(): SandboxSlot[] {
    return this.pairs.flatMap((pair) => [pair.lean, pair.networked]);
  }

  run(request: RunRequest): Promise<RunResult> {
    if (this.closed) return Promise.reject(new AppError("UNAVAILABLE", "the sandbox runner is closed"));
    const parsed = runRequestSchema.safeParse(request);
    if (!parsed.success) {
      return Promise.reject(new AppError("BAD_REQUEST", parsed.error.issues[0]?.message ?? "invalid run request"));
    }
    if (this.queue.length >= this.config.maxQueue) {
      return Promise.reject(
        new AppError("RATE_LIMITED", "the sandbox queue is full; try again shortly", { key: "runner.busy" }),
      );
    }
    const kind: ZygoteKind = needsNetworkZygote(parsed.data) ? "networked" : "lean";
    const broken = this.brokenMessage(kind);
    if (broken) return Promise.resolve(sandboxErrorResult(broken, parsed.data.seed));
    return new Promise((resolve) => {
      this.queue.push({ job: parsed.data, kind, resolve });
      this.pump();
    });
  }

  status(): SandboxStatus {
    const broken = this.brokenMessage("lean");
    const lean = this.pairs.map((pair) => pair.lean);
    return {
      available: broken === null,
      mode: this.config.mode,
      missingPackages: [],
      poolSize: this.pairs.length,
      readySlots: this.pairs.filter((pair) => !busy(pair) && pair.lean.state === "ready").length,
      busySlots: this.pairs.filter(busy).length,
      queued: this.queue.length,
      restarts: this.slots.reduce((sum, slot) => sum + slot.restarts, 0),
      cgroups: {
        version: lean[0]?.cgroups.version ?? "none",
        pids: lean.every((slot) => slot.cgroups.pids),
        memory: lean.every((slot) => slot.cgroups.memory),
      },
      seccomp: this.slots.some((slot) => slot.features?.seccomp === true),
      isolation: this.isolation(),
      message: broken,
    };
  }

  /** What every run gets on this host, from the zygotes' own reports (null before any is ready). */
  private isolation(): SandboxStatus["isolation"] {
    const started = this.slots.filter((slot) => slot.features !== null);
    const ready = started.map((slot) => slot.features).filter((f) => f !== null);
    if (ready.length === 0) return null;
    const memory = started.every((slot) => slot.cgroups.memory);
    return {
      freshTmpPerRun: ready.every((f) => f.freshTmp),
      devicesReadOnly: ready.every((f) => f.devicesSealed),
      seccomp: ready.every((f) => f.seccomp),
      memoryBound: memory ? `cgroup-${started[0]?.cgroups.version ?? "none"}` : "rlimit-as",
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

  /** Every slot of one kind failed to start repeatedly: say why instead of queueing forever. */
  private brokenMessage(kind: ZygoteKind): string | null {
    const slots = this.pairs.map((pair) => pair[kind]);
    const broken = slots.every((slot) => slot.consecutiveFailures >= BROKEN_AFTER_FAILURES);
    if (!broken) return null;
    return `the sandbox cannot start: ${slots[0]?.lastError ?? "unknown error"}`;
  }

  /** Oldest first among the runs a free pair can take now: a run waiting for its networked zygote
   * to start does not hold up lean runs behind it. */
  private pump(): void {
    for (let index = 0; index < this.queue.length;) {
      const queued = this.queue[index];
      const broken = this.brokenMessage(queued.kind);
      if (broken) {
        this.queue.splice(index, 1);
        queued.resolve(sandboxErrorResult(broken, queued.job.seed));
        continue;
      }
      if (queued.kind === "networked") this.startNetworked();
      const pair = this.pairs.find((candidate) => !busy(candidate) && candidate[queued.kind].state === "ready");
      if (!pair) {
        index += 1;
        continue;
      }
      this.queue.splice(index, 1);
      void pair[queued.kind].run(queued.job).then((result) => {
        queued.resolve(result);
        this.pump();
      });
    }
  }

  private startNetworked(): void {
    if (this.closed) return;
    for (const pair of this.pairs) if (pair.networked.state === "idle") void pair.networked.start();
  }
}
