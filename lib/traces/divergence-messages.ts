import type { MessageCode, MessageParams } from "./verdict.types";

/**
 * English rendering of divergence messages. The UI may translate from `code` + `params` instead;
 * keep every fact a message mentions in its params.
 */

function q(text: unknown): string {
  return `“${String(text)}”`;
}

/** A virtual time as messages show it ("2", "0.5"); exported so the UI's translations match. */
export function formatTraceTime(value: unknown): string {
  return typeof value === "number" ? value.toFixed(3).replace(/\.?0+$/, "") || "0" : String(value);
}

const t = formatTraceTime;

/** " from n1 at t=0" — only the parts the spec states. */
function origin(task: unknown, time: unknown): string {
  const from = task ? ` from ${task}` : "";
  const at = typeof time === "number" ? ` at t=${t(time)}` : "";
  return `${from}${at}`;
}

function who(params: MessageParams): string {
  return `At t=${t(params.actualT)} the task ${params.actualTask} printed ${q(params.actual)}`;
}

const CONCURRENCY_HINT =
  " — it came later than expected: your tasks probably ran one after another instead of concurrently";

function stopDescription(params: MessageParams): string {
  if (params.status === "deadlock") return "deadlocked (every task was waiting and nothing could wake it)";
  if (params.status === "limit") return `hit the ${params.detail ?? "resource"} limit`;
  if (params.status === "error")
    return `stopped with ${params.detail ?? "an error"}${params.errorMessage ? `: ${params.errorMessage}` : ""}`;
  return `ended (${params.status})`;
}

const RENDER: Record<MessageCode, (p: MessageParams) => string> = {
  "trace.missing": (p) =>
    p.searching === 1
      ? `The line ${q(p.expected)}${origin(p.expectedTask, p.expectedT)} never appears in the output (after the lines before it).`
      : p.actual === null
        ? `The output ended too early: expected ${q(p.expected)}${origin(p.expectedTask, p.expectedT)} next, but nothing more was printed.`
        : `The line ${q(p.expected)}${origin(p.expectedTask, p.expectedT)} is missing: ${who(p).replace(/^At/, "at")} instead.`,
  "trace.missing_after_error": (p) =>
    `The program ${stopDescription(p)} at t=${t(p.actualT)} before printing ${q(p.expected)}${origin(p.expectedTask, p.expectedT)}.`,
  "trace.unexpected": (p) =>
    p.expected === null
      ? `${who(p)} after all the expected output — this extra line should not be printed.`
      : `${who(p)}, which is not expected here (the next expected line is ${q(p.expected)}${origin(p.expectedTask, p.expectedT)}).`,
  "trace.text": (p) => `${who(p)} but the expected line was ${q(p.expected)}${origin(p.expectedTask, p.expectedT)}.`,
  "trace.text_late": (p) =>
    `${who(p)} but the expected line was ${q(p.expected)}${origin(p.expectedTask, p.expectedT)}${CONCURRENCY_HINT}.`,
  "trace.order": (p) =>
    p.late
      ? `${who(p)}, but ${q(p.expected)}${origin(p.expectedTask, p.expectedT)} had not been printed yet — your tasks probably ran one after another instead of concurrently.`
      : `The lines came in a different order: ${who(p).replace(/^At/, "at")}, which is expected later; here the expected line is ${q(p.expected)}${origin(p.expectedTask, p.expectedT)}.`,
  "trace.time_late": (p) =>
    `${q(p.expected)} was printed at t=${t(p.actualT)} but expected at t=${t(p.expectedT)}: too late — did you await the coroutines one after another instead of running them concurrently (create_task, gather)?`,
  "trace.time_early": (p) =>
    `${q(p.expected)} was printed at t=${t(p.actualT)} but expected at t=${t(p.expectedT)}: too early — is an await (a sleep, or waiting for a task) missing?`,
  "trace.task": (p) =>
    `${q(p.expected)} was printed by the task ${p.actualTask} but should come from ${p.expectedTask} — check which coroutine prints it and how the tasks are named.`,
  "trace.status": (p) => {
    const want = `${p.expectedStatus}${p.expectedDetail ? ` ${p.expectedDetail}` : ""}`;
    const got =
      p.actualStatus === "ok"
        ? "finished normally"
        : stopDescription({ ...p, status: p.actualStatus, detail: p.actualDetail });
    return `The program ${got}, but it should end with status ${want}.${p.errorLine ? ` (line ${p.errorLine})` : ""}`;
  },
  "trace.forbidden_note": (p) =>
    `The output is right, but the run reported ${q(p.note)}, which this exercise does not accept — rewrite that part the way the exercise asks.`,
  "trace.total_time": (p) =>
    p.kind === "by"
      ? `The program finished at t=${t(p.actualT)} but must finish by t=${t(p.expectedT)} — the waits added up, so the work did not run concurrently.`
      : `The program finished at t=${t(p.actualT)} but should finish at t=${t(p.expectedT)}.`,
};

/** Extra hints keyed by `params.hint`, for output that itself tells what went wrong. */
const HINTS: Record<string, string> = {
  never_awaited: " Python warns that a coroutine was created but never awaited: is an await missing?",
};

export function renderMessage(code: MessageCode, params: MessageParams): string {
  const hint = typeof params.hint === "string" ? (HINTS[params.hint] ?? "") : "";
  return RENDER[code](params) + hint;
}

/** Recognizes actual lines that carry their own diagnosis. */
export function hintFor(actualText: string | null): string | null {
  if (actualText && /RuntimeWarning: coroutine '[^']*' was never awaited/.test(actualText)) return "never_awaited";
  return null;
}
