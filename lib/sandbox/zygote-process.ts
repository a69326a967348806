import { spawn, type ChildProcess } from "node:child_process";
import type { Writable } from "node:stream";
import type { SandboxCommand } from "./build-sandbox-command";
import { FrameReader, encodeFrame } from "./frame-reader";
import {
  maxResultBytes,
  zygoteMessageSchema,
  type ZygoteMessage,
  type ZygoteRequest,
  type ZygoteResult,
} from "./zygote-protocol";

export type ZygoteFailureKind = "timeout" | "exit" | "protocol" | "fatal";

export class ZygoteFailure extends Error {
  constructor(readonly kind: ZygoteFailureKind, message: string) {
    super(message);
    this.name = "ZygoteFailure";
  }
}

interface Pending {
  id: number;
  resolve: (result: ZygoteResult) => void;
  reject: (error: ZygoteFailure) => void;
  timer: NodeJS.Timeout;
}

const IDLE_FRAME_BYTES = 64 * 1024;
const STDERR_TAIL = 4000;

/**
 * One zygote process (one sandbox) and its pipe protocol. Everything it prints is untrusted:
 * bounded frames, zod-validated messages, and any surprise (bad frame, early exit, silence past the
 * deadline) kills the process and fails the pending request instead of guessing.
 */
export class ZygoteProcess {
  readonly ready: Promise<void>;
  /** Resolves once the process has exited and its pipes are closed. */
  readonly exited: Promise<void>;
  private readonly child: ChildProcess;
  private readonly reader = new FrameReader(IDLE_FRAME_BYTES);
  private pending: Pending | null = null;
  private readyState: { resolve: () => void; reject: (error: ZygoteFailure) => void } | null = null;
  private stderrTail = "";
  private failure: ZygoteFailure | null = null;
  private exitListeners: Array<(failure: ZygoteFailure) => void> = [];

  constructor(command: SandboxCommand, options: { seccompProgram: Buffer | null; readyTimeoutMs: number }) {
    this.ready = new Promise((resolve, reject) => {
      this.readyState = { resolve, reject };
    });
    this.ready.catch(() => undefined);
    const stdio: Array<"pipe" | "ignore"> = ["pipe", "pipe", "pipe"];
    if (options.seccompProgram) stdio.push("pipe");
    // The env is exactly command.env (empty for bwrap); ProcessEnv's required keys are app typings.
    const env = { ...command.env } as NodeJS.ProcessEnv;
    this.child = spawn(command.command, command.args, { env, stdio });
    this.exited = new Promise((resolve) => {
      this.child.on("close", () => resolve());
      this.child.on("error", () => resolve());
    });
    this.child.on("error", (error) => this.fail(new ZygoteFailure("exit", `cannot start the sandbox: ${error.message}`)));
    // "close", not "exit": the stderr tail (bwrap's own error message) is complete by then.
    this.child.on("close", (code, signal) =>
      this.fail(new ZygoteFailure("exit", `sandbox exited (${signal ?? `code ${code}`}): ${this.stderrTail.trim()}`)),
    );
    this.child.stdin?.on("error", () => undefined);
    this.child.stdout?.on("data", (chunk: Buffer) => this.onStdout(chunk));
    this.child.stderr?.on("data", (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString("utf8")).slice(-STDERR_TAIL);
    });
    if (options.seccompProgram) {
      const seccompPipe = this.child.stdio[3] as Writable | null;
      seccompPipe?.on("error", () => undefined);
      seccompPipe?.end(options.seccompProgram);
    }
    const readyTimer = setTimeout(
      () => this.fail(new ZygoteFailure("timeout", "sandbox did not become ready in time")),
      options.readyTimeoutMs,
    );
    this.ready.finally(() => clearTimeout(readyTimer)).catch(() => undefined);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return this.failure === null;
  }

  onExit(listener: (failure: ZygoteFailure) => void): void {
    this.exitListeners.push(listener);
  }

  request(request: ZygoteRequest, timeoutMs: number): Promise<ZygoteResult> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.pending) return Promise.reject(new ZygoteFailure("protocol", "sandbox slot is busy"));
    this.reader.setMaxFrameBytes(maxResultBytes(request.limits));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => this.fail(new ZygoteFailure("timeout", "sandbox did not answer within the wall limit")),
        timeoutMs,
      );
      this.pending = { id: request.id, resolve, reject, timer };
      this.child.stdin?.write(encodeFrame(request));
    });
  }

  kill(): void {
    this.fail(new ZygoteFailure("exit", "sandbox stopped"));
  }

  private onStdout(chunk: Buffer): void {
    if (this.failure) return;
    let frames: Buffer[];
    try {
      frames = this.reader.push(chunk);
    } catch (error) {
      this.fail(new ZygoteFailure("protocol", error instanceof Error ? error.message : "bad frame"));
      return;
    }
    for (const frame of frames) this.onMessage(frame);
  }

  private onMessage(frame: Buffer): void {
    let parsed: ZygoteMessage;
    try {
      const result = zygoteMessageSchema.safeParse(JSON.parse(frame.toString("utf8")));
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? "invalid message");
      parsed = result.data;
    } catch (error) {
      this.fail(new ZygoteFailure("protocol", `invalid sandbox message: ${error instanceof Error ? error.message : ""}`));
      return;
    }
    if (parsed.type === "ready" && this.readyState) {
      this.readyState.resolve();
      this.readyState = null;
    } else if (parsed.type === "fatal") {
      this.fail(new ZygoteFailure("fatal", parsed.message));
    } else if (parsed.type === "result" && this.pending && parsed.id === this.pending.id) {
      const { resolve, timer } = this.pending;
      clearTimeout(timer);
      this.pending = null;
      this.reader.setMaxFrameBytes(IDLE_FRAME_BYTES);
      resolve(parsed);
    } else {
      this.fail(new ZygoteFailure("protocol", `unexpected sandbox message "${parsed.type}"`));
    }
  }

  private fail(failure: ZygoteFailure): void {
    if (this.failure) return;
    this.failure = failure;
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGKILL");
    this.readyState?.reject(failure);
    this.readyState = null;
    if (this.pending) {
      clearTimeout(this.pending.timer);
      this.pending.reject(failure);
      this.pending = null;
    }
    for (const listener of this.exitListeners) listener(failure);
  }
}
