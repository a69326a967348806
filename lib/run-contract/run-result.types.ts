import { z } from "zod";
import { networkSpecSchema } from "./network-spec.types";

/**
 * The run/trace contract between the sandbox and everything else (checker, grading, UI,
 * `npm run trace`). Neutral ground: the sandbox produces it, the checker (lib/traces) and grading
 * read it, and neither side imports the other (.dependency-cruiser.cjs enforces it).
 * The JSON printed by `npm run trace -- FILE.py --json` is exactly `RunResult`.
 *
 * Output events have stream "stdout" | "stderr". Non-output events for the timeline view use the
 * other streams; checkers must ignore them unless they ask for them.
 */
export const OUTPUT_STREAMS = ["stdout", "stderr"] as const;
export const TIMELINE_STREAMS = ["task_start", "task_end", "switch", "note"] as const;

export const traceEventSchema = z.object({
  /** Virtual seconds since the program started. */
  t: z.number().finite().nonnegative(),
  /** asyncio task name, greenlet name, thread name, or "main". */
  task: z.string().max(200),
  stream: z.enum([...OUTPUT_STREAMS, ...TIMELINE_STREAMS]),
  /** One printed line without its newline (or the note / switch description). */
  text: z.string(),
});
export type TraceEvent = z.infer<typeof traceEventSchema>;

export const RUN_STATUSES = ["ok", "error", "deadlock", "limit", "sandbox_error"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const LIMIT_KINDS = ["cpu", "wall", "memory", "output", "virtual_time", "steps"] as const;
export type LimitKind = (typeof LIMIT_KINDS)[number];

export const runErrorSchema = z.object({
  type: z.string(),
  message: z.string(),
  /** Line in the student's file, or null when the error is not in student code. */
  line: z.number().int().nullable(),
  traceback: z.string(),
});
export type RunError = z.infer<typeof runErrorSchema>;

export const deadlockWaiterSchema = z.object({ task: z.string(), waitingOn: z.string() });

export const LANE_KINDS = ["main", "task", "thread"] as const;
export const LANE_OUTCOMES = ["done", "cancelled", "failed", "unfinished"] as const;
export const WAIT_KINDS = [
  "sleep",
  "future",
  "task",
  "gather",
  "wait",
  "wait_for",
  "lock",
  "event",
  "condition",
  "semaphore",
  "barrier",
  "queue",
  "thread",
  "timeout",
  "loop",
  /** A request on the virtual network: detail "GET a.example/slow" (issue 15). */
  "network",
  "other",
] as const;

/** One lane of the timeline: the main program, an asyncio task or a virtual thread. */
export const lifecycleLaneSchema = z.object({
  name: z.string().max(200),
  kind: z.enum(LANE_KINDS),
  /** Who created it (a lane name), null for the main program. */
  parent: z.string().max(200).nullable(),
  start: z.number().finite().nonnegative(),
  end: z.number().finite().nonnegative().nullable(),
  outcome: z.enum(LANE_OUTCOMES),
  /** Exception type of a failed task. */
  error: z.string().max(200).nullable(),
});

/** A stretch of virtual time a lane spent suspended, and on what. */
export const lifecycleWaitSchema = z.object({
  lane: z.number().int().nonnegative(),
  from: z.number().finite().nonnegative(),
  to: z.number().finite().nonnegative(),
  on: z.enum(WAIT_KINDS).catch("other"),
  /** e.g. "2 s" for a sleep, the awaited task's name. */
  detail: z.string().max(200).nullable(),
  /** Still waiting when the run ended (deadlock, limit). */
  open: z.boolean().optional(),
});

/** Task lifecycle and wait spans for the timeline picture; see docs/sandbox.md. */
export const lifecycleSchema = z.object({
  lanes: z.array(lifecycleLaneSchema).max(1000),
  waits: z.array(lifecycleWaitSchema).max(10_000),
  truncated: z.boolean(),
});
export type Lifecycle = z.infer<typeof lifecycleSchema>;
export type LifecycleLane = z.infer<typeof lifecycleLaneSchema>;
export type LifecycleWait = z.infer<typeof lifecycleWaitSchema>;
/**
 * The choice points one run met (lib/sandbox/python/interleave/schedule.py): every order CPython
 * leaves open (same-instant wake-ups, runnable threads, preemption points, async generator
 * finalisation) is one point with `points[i]` alternatives. The host enumerates the choice tree
 * from these; `hashed` counts tasks/futures the program hashed (set order: random, not enumerable).
 */
export const scheduleReportSchema = z.object({
  mode: z.enum(["canonical", "enumerated", "pct"]),
  points: z.array(z.number().int().min(2)).max(512),
  /** The alternative taken at each point (same length as points). */
  taken: z.array(z.number().int().nonnegative()).max(512),
  /** More choice points than `points` holds. */
  truncated: z.boolean(),
  /** An enumerated schedule number with digits left over: it equals a shorter one. */
  unused: z.boolean(),
  hashed: z.number().int().nonnegative(),
});
export type ScheduleReport = z.infer<typeof scheduleReportSchema>;

export const runResultSchema = z.object({
  status: z.enum(RUN_STATUSES),
  events: z.array(traceEventSchema),
  virtualTime: z.number().finite().nonnegative(),
  error: runErrorSchema.nullable(),
  limit: z.enum(LIMIT_KINDS).nullable(),
  wallMs: z.number().nonnegative(),
  /**
   * CPU time (user + system) the run's child process used, in ms, from the zygote's wait4 rusage;
   * absent on older stored runs and on results that never ran (sandbox_error).
   */
  cpuMs: z.number().nonnegative().optional(),
  /** Schedule seed the run used (0 = CPython's own order). */
  seed: z.number().int().nonnegative().default(0),
  /** Present only when the harness or the static scan saw signs of tampering. */
  tamper: z.object({ reason: z.string() }).nullable().default(null),
  /** Tasks still waiting when a deadlock was detected. */
  deadlock: z.array(deadlockWaiterSchema).nullable().default(null),
  /** Human-readable notes, e.g. "legacy @asyncio.coroutine used" or the name of a missing package. */
  notes: z.array(z.string()).default([]),
  /** Lanes and wait spans for the timeline picture (null when the run did not report them). */
  lifecycle: lifecycleSchema.nullable().catch(null).optional(),
  /**
   * The run's choice points; absent/null when the harness did not report them (a crash). A
   * malformed report (the program tampered with the harness) is dropped, never fails the run.
   */
  schedule: scheduleReportSchema.nullable().optional().catch(null),
});
export type RunResult = z.infer<typeof runResultSchema>;

/** The range of limits.cpuStretchMs; default: the harness's (lib/sandbox/python/interleave/cpustretch.py). */
export const CPU_STRETCH_MS = { min: 10, max: 60_000, default: 100 } as const;

export const runLimitsSchema = z.object({
  cpuSeconds: z.number().positive().max(60).default(5),
  wallSeconds: z.number().positive().max(120).default(10),
  memoryMb: z.number().int().min(64).max(4096).default(512),
  maxVirtualSeconds: z.number().positive().max(1e6).default(3600),
  maxSteps: z.number().int().positive().max(1e8).default(200_000),
  maxEvents: z.number().int().positive().max(1e6).default(10_000),
  maxOutputBytes: z
    .number()
    .int()
    .positive()
    .max(16 * 1024 * 1024)
    .default(1024 * 1024),
  /**
   * A loop step using this much CPU or more gets the "held the event loop" note (docs/sandbox.md).
   * Absent: the harness's default, 100 ms (CPython's slow_callback_duration).
   */
  cpuStretchMs: z
    .number({ message: "cpuStretchMs must be a number of milliseconds." })
    .int("cpuStretchMs must be a whole number of milliseconds.")
    .min(CPU_STRETCH_MS.min, `cpuStretchMs must be ${CPU_STRETCH_MS.min} to ${CPU_STRETCH_MS.max} ms.`)
    .max(CPU_STRETCH_MS.max, `cpuStretchMs must be ${CPU_STRETCH_MS.min} to ${CPU_STRETCH_MS.max} ms.`)
    .optional(),
});
export type RunLimits = z.infer<typeof runLimitsSchema>;

export const runRequestSchema = z.object({
  code: z.string().max(64 * 1024),
  seed: z.number().int().nonnegative().default(0),
  limits: runLimitsSchema.default(runLimitsSchema.parse({})),
  /** The exercise's virtual network (network.json); null: no host name resolves. */
  network: networkSpecSchema.nullable().default(null),
});
export type RunRequest = z.input<typeof runRequestSchema>;
