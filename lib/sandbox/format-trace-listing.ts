import { OUTPUT_STREAMS, type RunResult } from "@/lib/run-contract/run-result.types";

const TASK_WIDTH = 9;

/** Pads by display width so CJK task names still line up (they take two terminal columns). */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char)
      ? 2
      : 1;
  return width;
}

function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(1, width - displayWidth(text)));
}

/** Control characters other than tab would rewrite the terminal: show them escaped. */
function visible(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000b-\u001f\u007f]/g,
    (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, "0")}`,
  );
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
    return `${event.t.toFixed(3).padStart(7)}  ${padEnd(event.task, TASK_WIDTH)} ${marker}${visible(event.text)}`;
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
