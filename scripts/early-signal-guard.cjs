/**
 * Preloaded with `node --require` before tsx and the worker load (≈ 0.5 s): a SIGTERM/SIGINT that
 * arrives in that time would otherwise kill the process by the default action (exit 143) while a
 * job may already be claimed. The signal is remembered under the same global as
 * lib/runtime/early-signal-guard.ts, which hands it to the worker's shutdown handler.
 */
const state = { signal: undefined, remember: undefined };
state.remember = (signal) => {
  state.signal ??= signal;
};
process.on("SIGTERM", state.remember);
process.on("SIGINT", state.remember);
globalThis[Symbol.for("interleave.earlySignal")] = state;
