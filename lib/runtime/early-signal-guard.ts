/**
 * Imported FIRST by server.ts and scripts/worker.ts: until their shutdown handler is installed,
 * a SIGTERM/SIGINT would kill the process by the default action (exit 143) — loading Next,
 * Prisma, BullMQ and socket.io takes about a second, more on a busy machine. The signal is
 * remembered here instead and handed over with takeOverEarlySignal(). `npm run worker` also
 * preloads scripts/early-signal-guard.cjs (same global), which covers tsx's own loading.
 */
interface EarlySignalState {
  signal?: string;
  remember: (signal: string) => void;
}

const KEY = Symbol.for("interleave.earlySignal");
type Global = typeof globalThis & { [KEY]?: EarlySignalState };

function install(): EarlySignalState {
  const state: EarlySignalState = {
    remember: (signal) => {
      state.signal ??= signal;
    },
  };
  process.on("SIGTERM", state.remember);
  process.on("SIGINT", state.remember);
  return state;
}

(globalThis as Global)[KEY] ??= install();

/** Stops remembering; a signal that already came starts `trigger` now. */
export function takeOverEarlySignal(trigger: (signal: string) => unknown): void {
  const state = (globalThis as Global)[KEY];
  if (!state) return;
  process.off("SIGTERM", state.remember);
  process.off("SIGINT", state.remember);
  delete (globalThis as Global)[KEY];
  if (state.signal) void trigger(state.signal);
}
