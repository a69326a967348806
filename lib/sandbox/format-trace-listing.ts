import { OUTPUT_STREAMS, type RunResult } from "@/lib/run-contract/run-result.types";
import { displayWidth, escapeControlCharacters } from "@/lib/text/terminal-text";

const TASK_WIDTH = 9;

/** Pads by display width so CJK task names still line up (they take two terminal columns). */
function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(1, width - displayWidth(text)));
}

const isOutput = (stream: string) => (OUTPUT_STREAMS as readonly string[]).includes(stream);

/**
 * `  2.000  n1        任务完成` per printed line, then one status line. Timeline events (task start/end,
 * switches) only with `timeline`, since they would drown the output a student is reading.
 */
export function formatTraceListing(result: RunResult, options: { timeline?: boolean } = {}): string {
  const shown = options.timeline ? result.events : result.events.filter((event) => isOutput(event.stream));
  const lines = shown.map((event) => {
    const marker = event.stream === "stdout" ? "" : `[${event.stream}] `;
    return `${event.t.toFixed(3).padStart(7)}  ${padEnd(event.task, TASK_WIDTH)} ${marker}${escapeControlCharacters(event.text)}`;
  });
  lines.push(statusLine(result));
  if (result.error) {
    const where = result.error.line === null ? "" : ` (line ${result.error.line})`;
    lines.push(`${result.error.type}: ${result.error.message}${where}`);
  }
  if (result.deadlock?.length) {
    lines.push(...result.deadlock.map((waiter) => `  ${waiter.task} waits on ${waiter.waitingOn}`));
  }
  for (const note of result.notes) lines.push(`note: ${note}`);
  if (result.tamper) lines.push(`tamper: ${result.tamper.reason}`);
  return lines.join("\n");
}

function statusLine(result: RunResult): string {
  const limit = result.limit ? ` (${result.limit})` : "";
  return `-- status ${result.status}${limit}, virtual time ${result.virtualTime.toFixed(3)} s, wall ${result.wallMs.toFixed(1)} ms, seed ${result.seed}`;
}
