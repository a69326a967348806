/**
 * Per-key coalescing: `mark(key, item)` any number of times; `flush(key, items)` runs at most once
 * per `intervalMs` per key with everything marked since the last flush. The first mark after a
 * quiet period flushes at once (a lone verdict is not delayed), later ones wait for the window.
 * Flushes of one key never overlap (a slow database read cannot reorder two updates).
 */
export interface Coalescer<T> {
  mark(key: string, item: T): void;
  /** Flushes everything pending now (shutdown, tests). */
  drain(): Promise<void>;
  close(): void;
}

interface KeyState<T> {
  items: Set<T>;
  lastFlushAt: number;
  timer: NodeJS.Timeout | null;
  running: Promise<void> | null;
}

export function createCoalescer<T>(options: {
  intervalMs: number;
  flush: (key: string, items: T[]) => Promise<void>;
  onError?: (error: unknown) => void;
  now?: () => number;
}): Coalescer<T> {
  const now = options.now ?? Date.now;
  const states = new Map<string, KeyState<T>>();
  let closed = false;

  const run = (key: string, state: KeyState<T>) => {
    state.timer = null;
    if (state.running || state.items.size === 0 || closed) return;
    const items = [...state.items];
    state.items.clear();
    state.lastFlushAt = now();
    state.running = options
      .flush(key, items)
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        state.running = null;
        if (state.items.size > 0) schedule(key, state);
        // Keep the key's last flush time for one interval: a mark right after a flush must wait
        // for the window (forgetting it at once let a steady trickle flush on every mark).
        else if (!state.timer) state.timer = setTimeout(() => runOrForget(key, state), remaining(state));
      });
  };

  const remaining = (state: KeyState<T>) => Math.max(0, state.lastFlushAt + options.intervalMs - now());

  const runOrForget = (key: string, state: KeyState<T>) => {
    if (state.items.size > 0) return run(key, state);
    state.timer = null;
    if (!state.running) states.delete(key);
  };

  const schedule = (key: string, state: KeyState<T>) => {
    if (state.timer || state.running || closed) return;
    const wait = remaining(state);
    if (wait === 0) run(key, state);
    else state.timer = setTimeout(() => run(key, state), wait);
  };

  return {
    mark(key, item) {
      if (closed) return;
      let state = states.get(key);
      if (!state) {
        state = { items: new Set(), lastFlushAt: 0, timer: null, running: null };
        states.set(key, state);
      }
      state.items.add(item);
      schedule(key, state);
    },
    async drain() {
      for (const [key, state] of states) {
        if (state.running) await state.running;
        if (state.timer) clearTimeout(state.timer);
        run(key, state);
        if (state.running) await state.running;
      }
    },
    close() {
      closed = true;
      for (const state of states.values()) if (state.timer) clearTimeout(state.timer);
      states.clear();
    },
  };
}
