import { OUTPUT_STREAMS, TIMELINE_STREAMS, type TraceEvent } from "@/lib/run-contract/run-result.types";

/** Longest task name kept; longer ones are cut (with a note), never a failed run. */
export const MAX_TASK_NAME = 200;
const STREAMS = new Set<string>([...OUTPUT_STREAMS, ...TIMELINE_STREAMS]);

export interface ClipNotes {
  longNames: number;
  dropped: number;
}

/**
 * One trace event from a run, made safe for the RunResult contract: any task name length, any
 * text, odd numbers — the program's own doing is clipped and noted, it never turns the whole run
 * into an infrastructure error. Returns null for something that is not an event at all.
 */
export function clipTraceEvent(raw: unknown, lastT: number, notes: ClipNotes): TraceEvent | null {
  if (typeof raw !== "object" || raw === null) return null;
  const value = raw as Record<string, unknown>;
  const stream = value.stream;
  if (typeof stream !== "string" || !STREAMS.has(stream)) return null;
  let task = typeof value.task === "string" ? value.task : String(value.task ?? "");
  if (task.length > MAX_TASK_NAME) {
    task = `${task.slice(0, MAX_TASK_NAME - 1)}…`;
    notes.longNames += 1;
  }
  const t = typeof value.t === "number" && Number.isFinite(value.t) && value.t >= 0 ? value.t : lastT;
  const text = typeof value.text === "string" ? value.text : String(value.text ?? "");
  return { t, task, stream: stream as TraceEvent["stream"], text };
}
