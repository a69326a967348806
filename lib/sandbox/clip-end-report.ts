import {
  LIMIT_KINDS,
  lifecycleSchema,
  type Lifecycle,
  runErrorSchema,
  scheduleReportSchema,
  type LimitKind,
  type RunError,
  type RunStatus,
  type ScheduleReport,
} from "@/lib/run-contract/run-result.types";
import { MAX_TASK_NAME } from "./clip-trace-event";

const END_STATUSES = new Set<string>(["ok", "error", "deadlock", "limit"]);
const MAX_TEXT = 20_000;
const MAX_NOTES = 50;
const MAX_WAITERS = 1000;

/** The harness's end-of-run report, validated and clipped (it comes from inside the run). */
export interface EndReport {
  status: Exclude<RunStatus, "sandbox_error">;
  limit: LimitKind | null;
  error: RunError | null;
  virtualTime: number;
  deadlock: Array<{ task: string; waitingOn: string }> | null;
  notes: string[];
  tamper: string | null;
  /** Events the harness says it emitted (null when it did not say). */
  eventCount: number | null;
  /** The choice points the run met; null when missing or malformed (exploration then stops). */
  schedule: ScheduleReport | null;
  /** Lanes and wait spans for the timeline picture; null when missing or malformed (display only). */
  lifecycle: Lifecycle | null;
}

const text = (value: unknown, max = MAX_TEXT): string =>
  (typeof value === "string" ? value : String(value ?? "")).slice(0, max);
const name = (value: unknown): string => text(value, MAX_TASK_NAME);

function clipError(value: unknown): RunError | null {
  if (typeof value !== "object" || value === null) return null;
  const raw = value as Record<string, unknown>;
  const error = {
    type: text(raw.type, 200),
    message: text(raw.message),
    line: typeof raw.line === "number" && Number.isInteger(raw.line) ? raw.line : null,
    traceback: text(raw.traceback),
  };
  return runErrorSchema.parse(error);
}

function clipDeadlock(value: unknown): EndReport["deadlock"] {
  if (!Array.isArray(value)) return null;
  return value.slice(0, MAX_WAITERS).map((waiter: unknown) => {
    const raw = (typeof waiter === "object" && waiter !== null ? waiter : {}) as Record<string, unknown>;
    return { task: name(raw.task), waitingOn: text(raw.waitingOn, 1000) };
  });
}

/** Null when the end frame is not a usable report at all (then the run counts as a crash). */
export function clipEndReport(message: { r: unknown; n?: unknown }, lastT: number): EndReport | null {
  if (typeof message.r !== "object" || message.r === null) return null;
  const raw = message.r as Record<string, unknown>;
  if (typeof raw.status !== "string" || !END_STATUSES.has(raw.status)) return null;
  const limit =
    typeof raw.limit === "string" && (LIMIT_KINDS as readonly string[]).includes(raw.limit)
      ? (raw.limit as LimitKind)
      : null;
  const virtualTime =
    typeof raw.virtualTime === "number" && Number.isFinite(raw.virtualTime) && raw.virtualTime >= 0
      ? raw.virtualTime
      : lastT;
  const notes = Array.isArray(raw.notes)
    ? raw.notes
        .filter((n): n is string => typeof n === "string")
        .slice(0, MAX_NOTES)
        .map((n) => text(n, 2000))
    : [];
  const tamperRaw = raw.tamper as { reason?: unknown } | null | undefined;
  const tamper =
    tamperRaw && typeof tamperRaw === "object" && tamperRaw.reason !== undefined ? text(tamperRaw.reason, 500) : null;
  return {
    status: raw.status as EndReport["status"],
    limit: raw.status === "limit" ? limit : null,
    error: clipError(raw.error),
    virtualTime,
    deadlock: clipDeadlock(raw.deadlock),
    notes,
    tamper,
    eventCount: typeof message.n === "number" ? message.n : null,
    schedule: scheduleReportSchema.safeParse(raw.schedule).data ?? null,
    lifecycle: lifecycleSchema.safeParse(raw.lifecycle).data ?? null,
  };
}
