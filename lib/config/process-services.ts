/**
 * The one registry of process-wide services: what server.ts (or `npm run worker`, or a test)
 * creates once and use cases reach without it being threaded through every call — the grading
 * queue and limiters, the sign-in limiters, the realtime publisher, the leaderboard notifier, the
 * database client (created on first use).
 *
 * Each service is a typed key declared next to its interface with its fallback, the one answer
 * for a process that did not provide it (the CLI, a unit test): a no-op for notifications, the
 * configured in-memory limiters for rate limits, a clear error for the grading queue (nothing
 * could be graded). Next's route bundles are separate module instances in the same process, so
 * the values live in one slot on globalThis (a module variable would be a different copy there).
 */
export interface ServiceKey<T> {
  readonly name: string;
  /** Built once, on first use, when nothing was provided; may throw to refuse. */
  readonly fallback: () => T;
}

export function defineService<T>(name: string, fallback: () => T): ServiceKey<T> {
  return { name, fallback };
}

const SLOT = Symbol.for("interleave.process-services");
type Holder = typeof globalThis & { [SLOT]?: Map<string, unknown> };

function slots(): Map<string, unknown> {
  const holder = globalThis as Holder;
  holder[SLOT] ??= new Map();
  return holder[SLOT];
}

/** Provides (or with undefined, withdraws) a service for the whole process. */
export function provideService<T>(key: ServiceKey<T>, value: T | undefined): void {
  if (value === undefined) slots().delete(key.name);
  else slots().set(key.name, value);
}

/** The provided service, else its fallback (kept, so a fallback limiter keeps its counts). */
export function useService<T>(key: ServiceKey<T>): T {
  const values = slots();
  if (values.has(key.name)) return values.get(key.name) as T;
  const value = key.fallback();
  values.set(key.name, value);
  return value;
}

/** The provided service only (no fallback): for code that behaves differently without one. */
export function findService<T>(key: ServiceKey<T>): T | undefined {
  const values = slots();
  return values.has(key.name) ? (values.get(key.name) as T) : undefined;
}
