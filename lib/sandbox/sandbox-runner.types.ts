import type { RunRequest, RunResult } from "@/lib/run-contract/run-result.types";

/**
 * The runner interface the rest of the product depends on. The bubblewrap pool implements it today;
 * a container-based runner can implement it later without touching callers.
 */
export interface SandboxRunner {
  /** Never rejects for a student's program; rejects only when the queue is full or the runner is closed. */
  run(request: RunRequest): Promise<RunResult>;
  status(): SandboxStatus;
  close(): Promise<void>;
}

export type SandboxMode = "bwrap" | "unsafe-local" | "unavailable";

export interface SandboxStatus {
  available: boolean;
  mode: SandboxMode;
  /** Debian packages whose absence makes the sandbox unavailable. */
  missingPackages: string[];
  poolSize: number;
  readySlots: number;
  busySlots: number;
  queued: number;
  /** Slots restarted since start (crash, hang, recycle request). */
  restarts: number;
  cgroups: { version: "v1" | "v2" | "none"; pids: boolean; memory: boolean };
  seccomp: boolean;
  /** Isolation every run gets (null until a sandbox reported, or without a sandbox). */
  isolation: SandboxIsolation | null;
  message: string | null;
}

/** Steps a benchmark can leave out; "spareChild" is speed, not isolation (zygote_spare.py). */
export type IsolationStep = "freshTmp" | "memoryCgroup" | "seccomp" | "auditHook" | "spareChild";

export interface SandboxIsolation {
  /** A new size- and inode-limited tmpfs on /tmp for every run (else: /tmp wiped between runs). */
  freshTmpPerRun: boolean;
  /** Host device nodes bound read-only (no utime/chmod of the host's /dev/null). */
  devicesReadOnly: boolean;
  seccomp: boolean;
  /** "cgroup-v1"/"cgroup-v2": one bound per run over all its processes, memfds and tmpfs pages;
   * "rlimit-as": only a per-process address-space limit (no writable memory cgroup). */
  memoryBound: "cgroup-v1" | "cgroup-v2" | "cgroup-none" | "rlimit-as";
}

export interface SandboxRunnerOptions {
  /** Default: env SANDBOX ("unsafe-local") or "bwrap". */
  mode?: "bwrap" | "unsafe-local";
  /** Default: env SANDBOX_POOL_SIZE or the number of CPUs. */
  poolSize?: number;
  /** First uid of the pool (one uid per slot). Default: env SANDBOX_UID_BASE or 61000. */
  uidBase?: number;
  /** Requests waiting for a slot beyond this are rejected. */
  maxQueue?: number;
  /** Folder holding zygote.py and the `interleave` package. Default: lib/sandbox/python. */
  harnessDir?: string;
  bwrapPath?: string;
  pythonPath?: string;
  setprivPath?: string;
  prlimitPath?: string;
  /** Size of each slot's private /tmp in MiB. */
  tmpSizeMb?: number;
  /**
   * Benchmark only (`npm run bench:sandbox` measures what each step costs): isolation steps to
   * leave out. Never set by the app; there is deliberately no environment variable for it.
   */
  isolationOff?: IsolationStep[];
  /** Use the pids/memory cgroup controllers (v1 or v2, detected) when writable. Default true. */
  cgroups?: boolean;
  /** Default: NODE_ENV, read at creation to refuse unsafe-local in production. */
  nodeEnv?: string;
  /** Where the loud unsafe-local warning goes (default console.warn). */
  warn?: (message: string) => void;
}
