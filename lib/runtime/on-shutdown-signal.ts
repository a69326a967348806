import type { Server } from "node:http";
import type { Logger } from "pino";

export interface ShutdownStep {
  name: string;
  run: () => Promise<unknown> | unknown;
}

export interface ShutdownOptions {
  steps: ShutdownStep[];
  log: Logger;
  /** Hard limit: still running after this, the process exits 1 (the orchestrator waits 15 s+). */
  graceMs?: number;
  exit?: (code: number) => void;
}

/**
 * On SIGTERM/SIGINT run `steps` in order, once, then exit 0; a step that fails is logged and the
 * rest still run (a broken Redis must not keep the sandbox pool alive). Returns the trigger so
 * tests and callers can start the same sequence themselves.
 */
export function onShutdownSignal(options: ShutdownOptions): (signal: string) => Promise<void> {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping: Promise<void> | null = null;
  const shutdown = (signal: string): Promise<void> => {
    stopping ??= (async () => {
      options.log.info({ signal }, "shutting down");
      const timer = setTimeout(() => {
        options.log.error({ graceMs: options.graceMs }, "shutdown took too long: exiting anyway");
        exit(1);
      }, options.graceMs ?? 14_000);
      timer.unref();
      let failed = false;
      for (const step of options.steps) {
        const started = Date.now();
        try {
          await step.run();
          options.log.info({ step: step.name, ms: Date.now() - started }, "shutdown step done");
        } catch (error) {
          failed = true;
          options.log.error(
            { step: step.name, err: error instanceof Error ? error.message : String(error) },
            "shutdown step failed",
          );
        }
      }
      clearTimeout(timer);
      options.log.info({ failed }, "stopped");
      exit(0);
    })();
    return stopping;
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
  return shutdown;
}

/**
 * After server.close(): waits for in-flight requests to end. Keep-alive connections that go idle
 * are closed as they do; whatever still hangs after `maxMs` is cut.
 */
export async function drainConnections(server: Server, closed: Promise<void>, maxMs = 8_000): Promise<void> {
  const sweep = setInterval(() => server.closeIdleConnections(), 200);
  let cut: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      closed,
      new Promise<void>((resolve) => (cut = setTimeout(() => (server.closeAllConnections(), resolve()), maxMs))),
    ]);
  } finally {
    clearInterval(sweep);
    clearTimeout(cut);
  }
}
