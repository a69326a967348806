import { clipTraceEvent, type ClipNotes } from "./clip-trace-event";
import { clipEndReport, type EndReport } from "./clip-end-report";
import type { LimitKind, RunLimits, RunResult, RunStatus, TraceEvent } from "@/lib/run-contract/run-result.types";
import { parseChannel, type ChannelMessage } from "./trace-channel";
import type { RunCapture } from "./zygote-process";

const MEMORY_EXIT = 86;
const SIGXCPU = 24;
const SIGKILL = 9;
const SIGNAL_NAMES: Record<number, string> = {
  1: "SIGHUP",
  2: "SIGINT",
  3: "SIGQUIT",
  4: "SIGILL",
  5: "SIGTRAP",
  6: "SIGABRT",
  7: "SIGBUS",
  8: "SIGFPE",
  9: "SIGKILL",
  10: "SIGUSR1",
  11: "SIGSEGV",
  12: "SIGUSR2",
  13: "SIGPIPE",
  14: "SIGALRM",
  15: "SIGTERM",
  24: "SIGXCPU",
  25: "SIGXFSZ",
  31: "SIGSYS",
};
const MAX_TAMPER_REASON = 500;

export interface AssembleContext {
  limits: RunLimits;
  seed: number;
  wallMs: number;
  /** The run's memory cgroup counted an OOM kill during this run. */
  oomKilled: boolean;
  maxFrameBytes: number;
}

interface Verdict {
  status: RunStatus;
  limit: LimitKind | null;
  error: RunResult["error"];
}

function crash(type: string, message: string): RunResult["error"] {
  return { type, message, line: null, traceback: "" };
}

/** How the run ended when the harness never delivered its end report (killed, crashed, exited). */
function verdictWithoutEnd(capture: RunCapture, context: AssembleContext): Verdict {
  const { done } = capture;
  if (done.wallKilled) return { status: "limit", limit: "wall", error: null };
  if (capture.outputKilled) return { status: "limit", limit: "output", error: null };
  if (done.signal !== null) {
    const cpuSpent = done.cpuSeconds >= context.limits.cpuSeconds;
    if (done.signal === SIGXCPU || (done.signal === SIGKILL && cpuSpent))
      return { status: "limit", limit: "cpu", error: null };
    if (done.signal === SIGKILL && context.oomKilled) return { status: "limit", limit: "memory", error: null };
    const name = SIGNAL_NAMES[done.signal] ?? `signal ${done.signal}`;
    return { status: "error", limit: null, error: crash("Crash", `the program was killed by ${name}`) };
  }
  if (done.exitCode === MEMORY_EXIT) return { status: "limit", limit: "memory", error: null };
  return {
    status: "error",
    limit: null,
    error: crash(
      "ProcessExit",
      `the program ended its process with exit code ${done.exitCode ?? "?"} before the run finished`,
    ),
  };
}

function verdictFromEnd(end: EndReport, capture: RunCapture, context: AssembleContext): Verdict {
  let { status, limit } = end;
  if (status === "error" && end.error?.type === "MemoryError") [status, limit] = ["limit", "memory"];
  if (capture.outputKilled && status === "ok") [status, limit] = ["limit", "output"];
  if (context.oomKilled && status === "ok") [status, limit] = ["limit", "memory"];
  return { status, limit, error: end.error };
}

function rawEvents(capture: RunCapture, t: number): { events: TraceEvent[]; notes: string[] } {
  const events: TraceEvent[] = [];
  const notes: string[] = [];
  for (const [stream, fd, raw] of [
    ["stdout", 1, capture.stdout],
    ["stderr", 2, capture.stderr],
  ] as const) {
    if (raw.total === 0) continue;
    const lines = raw.bytes().toString("utf8").split("\n");
    if (lines.at(-1) === "") lines.pop();
    for (const text of lines) events.push({ t, task: "raw", stream, text });
    let note = `${raw.total} bytes were written directly to file descriptor ${fd} (shown as task "raw")`;
    if (raw.truncated) note += `; only the first ${raw.bytes().length} bytes are kept`;
    notes.push(note);
  }
  return { events, notes };
}

/**
 * The RunResult of one run, built in Node from what the run's child wrote (authenticated trace
 * frames, raw stdout/stderr) and what the zygote saw of its process. Always a valid RunResult:
 * student-caused oddities (junk, forged frames, huge names, bytes that are not UTF-8) become notes
 * or a tamper reason, never a sandbox_error.
 */
export function assembleRunResult(capture: RunCapture, context: AssembleContext): RunResult {
  const channel = parseChannel(capture.events.bytes(), capture.key, context.maxFrameBytes);
  const clip: ClipNotes = { longNames: 0, dropped: 0 };
  const events: TraceEvent[] = [];
  const tamperReasons: string[] = [];
  let end: ChannelMessage | null = null;
  let lastT = 0;
  for (const message of channel.messages) {
    if (end) {
      tamperReasons.push("trace frame after the end of the run");
      break;
    }
    if (message.k === "e") {
      const event = clipTraceEvent(message.e, lastT, clip);
      if (!event) clip.dropped += 1;
      else {
        if (event.t < lastT) tamperReasons.push("trace events went back in virtual time");
        lastT = Math.max(lastT, event.t);
        events.push(event);
      }
    } else if (message.k === "t") {
      tamperReasons.push(String(message.r).slice(0, MAX_TAMPER_REASON));
    } else {
      end = message;
    }
  }
  if (channel.junkBytes > 0)
    tamperReasons.push(
      `forged trace frame (${channel.junkBytes} bytes on the trace descriptor were not written by the harness)`,
    );
  if (channel.malformed > 0) tamperReasons.push("malformed trace frame");
  const endReport = end && !capture.done.wallKilled ? clipEndReport(end, lastT) : null;
  if (endReport && endReport.eventCount !== null && endReport.eventCount !== events.length + clip.dropped) {
    tamperReasons.push("the harness counted a different number of trace events than arrived");
  }
  if (endReport && endReport.virtualTime < lastT) tamperReasons.push("the end time is earlier than the last event");
  const verdict = endReport ? verdictFromEnd(endReport, capture, context) : verdictWithoutEnd(capture, context);
  const virtualTime = endReport ? Math.max(endReport.virtualTime, lastT) : lastT;
  const raw = rawEvents(capture, virtualTime);
  const notes = [...(endReport?.notes ?? []), ...raw.notes];
  if (clip.longNames > 0)
    notes.push(`${clip.longNames} trace event(s) had a task name longer than 200 characters; it was shortened`);
  if (clip.dropped > 0) notes.push(`${clip.dropped} trace event(s) were not valid events and were dropped`);
  if (capture.outputKilled) notes.push("trace output beyond the limits was dropped");
  if (channel.truncatedTail)
    notes.push("the run was stopped while it wrote its trace; the last, incomplete event was dropped");
  // Every distinct finding, first seen first (the static scan, then what the run did).
  const allReasons = [...new Set([...tamperReasons, ...(endReport?.tamper ? [endReport.tamper] : [])])];
  const tamperReason = allReasons.length > 0 ? allReasons.join("; ").slice(0, 2000) : null;
  return {
    status: verdict.status,
    events: [...events, ...raw.events],
    virtualTime,
    error: verdict.error,
    limit: verdict.limit,
    wallMs: context.wallMs,
    cpuMs: Math.round(capture.done.cpuSeconds * 1000),
    seed: context.seed,
    tamper: tamperReason === null ? null : { reason: tamperReason },
    deadlock: endReport?.deadlock ?? null,
    notes,
    schedule: endReport?.schedule ?? null,
    lifecycle: endReport?.lifecycle ?? null,
  };
}
