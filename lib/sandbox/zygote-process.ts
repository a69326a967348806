import { spawn, type ChildProcess } from "node:child_process";
import type { Readable, Writable } from "node:stream";
import type { SandboxCommand } from "./build-sandbox-command";
import { FrameReader, encodeFrame } from "./frame-reader";
import { RunStream } from "./run-stream";
import { FD } from "./zygote-fds";
import {
  zygoteMessageSchema,
  type ZygoteDone,
  type ZygoteMessage,
  type ZygoteReady,
  type ZygoteRunRequest,
} from "./zygote-protocol";

export type ZygoteFailureKind = "timeout" | "exit" | "protocol" | "fatal";

export class ZygoteFailure extends Error {
  constructor(
    readonly kind: ZygoteFailureKind,
    message: string,
  ) {
    super(message);
    this.name = "ZygoteFailure";
  }
}

/** Everything Node collected about one run: the zygote's process facts and the run's own streams. */
export interface RunCapture {
  done: ZygoteDone;
  key: Buffer;
  events: RunStream;
  stdout: RunStream;
  stderr: RunStream;
  /** Node asked the zygote to kill the run (output budget). */
  outputKilled: boolean;
  /** A run closed one of its streams for good: the slot must be restarted. */
  streamsBroken: boolean;
}

export interface RunBudgets {
  traceBytes: number;
  /** Raw stdout/stderr kept for the result; beyond `rawKillBytes` the run is stopped. */
  rawKeepBytes: number;
  rawKillBytes: number;
}

interface ActiveRun {
  id: number;
  budgets: RunBudgets;
  key: Buffer | null;
  done: ZygoteDone | null;
  marker: Buffer | null;
  killSent: boolean;
  resolve: (capture: RunCapture) => void;
  reject: (error: ZygoteFailure) => void;
  timer: NodeJS.Timeout;
}

const CONTROL_FRAME_BYTES = 64 * 1024;
const STDERR_TAIL = 4000;
const STREAM_NAMES = ["events", "stdout", "stderr"] as const;
type StreamName = (typeof STREAM_NAMES)[number];

/**
 * One zygote process (one sandbox). Three kinds of descriptors: the control pipe (requests in,
 * process facts out — the zygote's only voice), the code pipe (the program, read by the forked
 * child only), and the run's three output streams, read here and never by the zygote. Any
 * surprise on the control pipe (bad frame, early exit, silence past the deadline) kills the
 * process and fails the run instead of guessing.
 */
export class ZygoteProcess {
  readonly ready: Promise<ZygoteReady>;
  readonly exited: Promise<void>;
  private readonly child: ChildProcess;
  private readonly reader = new FrameReader(CONTROL_FRAME_BYTES);
  private readonly streams: Record<StreamName, RunStream> = {
    events: new RunStream(0),
    stdout: new RunStream(0),
    stderr: new RunStream(0),
  };
  private readonly ended = new Set<StreamName>();
  private active: ActiveRun | null = null;
  private readyState: { resolve: (ready: ZygoteReady) => void; reject: (error: ZygoteFailure) => void } | null = null;
  private stderrTail = "";
  private failure: ZygoteFailure | null = null;
  private exitListeners: Array<(failure: ZygoteFailure) => void> = [];

  constructor(
    command: SandboxCommand,
    options: { seccompProgram: Buffer | null; readyTimeoutMs: number; cgroupFd: number | null },
  ) {
    this.ready = new Promise((resolve, reject) => {
      this.readyState = { resolve, reject };
    });
    this.ready.catch(() => undefined);
    const stdio: Array<"pipe" | "ignore" | number> = ["pipe", "pipe", "pipe", "pipe", "pipe", "pipe", "pipe", "pipe"];
    stdio.push(options.cgroupFd ?? "ignore");
    // The env is exactly command.env (empty for bwrap); ProcessEnv's required keys are app typings.
    const env = { ...command.env } as NodeJS.ProcessEnv;
    this.child = spawn(command.command, command.args, { env, stdio });
    this.exited = new Promise((resolve) => {
      this.child.on("close", () => resolve());
      this.child.on("error", () => resolve());
    });
    this.child.on("error", (error) =>
      this.fail(new ZygoteFailure("exit", `cannot start the sandbox: ${error.message}`)),
    );
    // "close", not "exit": the stderr tail (bwrap's own error message) is complete by then.
    this.child.on("close", (code, signal) =>
      this.fail(new ZygoteFailure("exit", `sandbox exited (${signal ?? `code ${code}`}): ${this.stderrTail.trim()}`)),
    );
    this.child.stdin?.on("error", () => undefined);
    this.child.stdout?.on("data", (chunk: Buffer) => this.onControl(chunk));
    this.child.stderr?.on("data", (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString("utf8")).slice(-STDERR_TAIL);
    });
    this.wireRunStreams();
    const seccompPipe = this.child.stdio[FD.seccomp] as Writable | null;
    seccompPipe?.on("error", () => undefined);
    seccompPipe?.end(options.seccompProgram ?? Buffer.alloc(0));
    this.codePipe?.on("error", () => undefined);
    const readyTimer = setTimeout(
      () => this.fail(new ZygoteFailure("timeout", "sandbox did not become ready in time")),
      options.readyTimeoutMs,
    );
    this.ready.finally(() => clearTimeout(readyTimer)).catch(() => undefined);
  }

  private get codePipe(): Writable | null {
    return this.child.stdio[FD.code] as Writable | null;
  }

  private wireRunStreams(): void {
    const fds: Record<StreamName, number> = { events: FD.events, stdout: FD.stdout, stderr: FD.stderrRun };
    for (const name of STREAM_NAMES) {
      const stream = this.child.stdio[fds[name]] as Readable | null;
      stream?.on("error", () => undefined);
      stream?.on("data", (chunk: Buffer) => this.onRunData(name, chunk));
      stream?.on("end", () => {
        this.ended.add(name);
        this.checkComplete();
      });
    }
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  onExit(listener: (failure: ZygoteFailure) => void): void {
    this.exitListeners.push(listener);
  }

  /** Runs one program: the request on the control pipe, the code on the code pipe. */
  run(
    request: Omit<ZygoteRunRequest, "type" | "codeBytes">,
    code: string,
    budgets: RunBudgets,
    timeoutMs: number,
  ): Promise<RunCapture> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.active) return Promise.reject(new ZygoteFailure("protocol", "sandbox slot is busy"));
    const source = Buffer.from(code, "utf8");
    this.streams.events.reset(budgets.traceBytes);
    this.streams.stdout.reset(budgets.rawKeepBytes);
    this.streams.stderr.reset(budgets.rawKeepBytes);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => this.fail(new ZygoteFailure("timeout", "sandbox did not answer within the wall limit")),
        timeoutMs,
      );
      this.active = {
        id: request.id,
        budgets,
        key: null,
        done: null,
        marker: null,
        killSent: false,
        resolve,
        reject,
        timer,
      };
      const message: ZygoteRunRequest = { type: "run", ...request, codeBytes: source.length };
      this.child.stdin?.write(encodeFrame(message));
      this.codePipe?.write(source);
    });
  }

  kill(): void {
    this.fail(new ZygoteFailure("exit", "sandbox stopped"));
  }

  private onRunData(name: StreamName, chunk: Buffer): void {
    const run = this.active;
    if (!run) {
      // Nothing of a run can be alive between runs: bytes here mean the slot is not clean.
      this.fail(new ZygoteFailure("protocol", `unexpected output on the ${name} stream between runs`));
      return;
    }
    const stream = this.streams[name];
    stream.push(chunk);
    const over = name === "events" ? stream.total > run.budgets.traceBytes : stream.total > run.budgets.rawKillBytes;
    if (over) this.requestKill(run);
    this.checkComplete();
  }

  private requestKill(run: ActiveRun): void {
    if (run.killSent || run.done) return;
    run.killSent = true;
    this.child.stdin?.write(encodeFrame({ type: "kill", id: run.id }));
  }

  private onControl(chunk: Buffer): void {
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
      this.fail(
        new ZygoteFailure("protocol", `invalid sandbox message: ${error instanceof Error ? error.message : ""}`),
      );
      return;
    }
    const run = this.active;
    if (parsed.type === "ready" && this.readyState) {
      this.readyState.resolve(parsed);
      this.readyState = null;
    } else if (parsed.type === "fatal") {
      this.fail(new ZygoteFailure("fatal", parsed.message));
    } else if (parsed.type === "started" && run && parsed.id === run.id && !run.key) {
      run.key = Buffer.from(parsed.key, "hex");
    } else if (parsed.type === "done" && run && parsed.id === run.id && run.key && !run.done) {
      run.done = parsed;
      run.marker = Buffer.from(parsed.marker, "hex");
      this.checkComplete();
    } else {
      this.fail(new ZygoteFailure("protocol", `unexpected sandbox message "${parsed.type}"`));
    }
  }

  /** The run is over once the zygote reported and every stream reached its marker (or closed). */
  private checkComplete(): void {
    const run = this.active;
    if (!run?.done || !run.marker || !run.key) return;
    const marker = run.marker;
    const complete = STREAM_NAMES.every((name) => this.ended.has(name) || this.streams[name].endsWith(marker));
    if (!complete) return;
    clearTimeout(run.timer);
    this.active = null;
    run.resolve({
      done: run.done,
      key: run.key,
      events: this.streams.events,
      stdout: this.streams.stdout,
      stderr: this.streams.stderr,
      outputKilled: run.killSent,
      streamsBroken: this.ended.size > 0,
    });
  }

  private fail(failure: ZygoteFailure): void {
    if (this.failure) return;
    this.failure = failure;
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGKILL");
    this.readyState?.reject(failure);
    this.readyState = null;
    if (this.active) {
      clearTimeout(this.active.timer);
      this.active.reject(failure);
      this.active = null;
    }
    for (const listener of this.exitListeners) listener(failure);
  }
}
