import { AsyncLocalStorage } from "node:async_hooks";
import pino, { type Logger } from "pino";

/**
 * One structured (JSON lines) logger per process, level from LOG_LEVEL. Inside an HTTP request the
 * logger carries that request's id, so every line a request causes — route errors, use cases —
 * can be found with one grep. State lives on globalThis: Next's route bundles are separate module
 * copies in the same process and must see the request context server.ts opened.
 */
interface RequestContext {
  requestId: string;
}

interface Holder {
  root?: Logger;
  context: AsyncLocalStorage<RequestContext>;
}

const KEY = Symbol.for("interleave.logger");
type Global = typeof globalThis & { [KEY]?: Holder };

function holder(): Holder {
  const global = globalThis as Global;
  global[KEY] ??= { context: new AsyncLocalStorage<RequestContext>() };
  return global[KEY];
}

const LEVELS = ["debug", "info", "warn", "error"] as const;

function rootLogger(): Logger {
  const state = holder();
  if (!state.root) {
    // Read directly (not getEnv): the logger must work even while the environment is invalid.
    const wanted = process.env.LOG_LEVEL;
    const level = LEVELS.find((candidate) => candidate === wanted) ?? "info";
    state.root = pino({
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // "level":"info" rather than 30: readable without pino's own tools.
      formatters: { level: (label) => ({ level: label }) },
    });
  }
  return state.root;
}

/** The logger for `component` (e.g. "http", "grading"), with the current request id if any. */
export function getLogger(component: string): Logger {
  const requestId = holder().context.getStore()?.requestId;
  return rootLogger().child(requestId ? { component, requestId } : { component });
}

/** Runs `work` with `requestId` attached to every log line it causes. */
export function runWithRequestId<T>(requestId: string, work: () => T): T {
  return holder().context.run({ requestId }, work);
}

/** For an Error: message and stack as fields instead of "[object Object]". */
export function errorFields(error: unknown): { err: unknown } {
  return { err: error instanceof Error ? { type: error.name, message: error.message, stack: error.stack } : error };
}
