/**
 * Group commit for the submission hot paths (submit gate, insert, claim, verdict): calls made while
 * one batch is being written wait and go together as the next one — under a burst the web thread
 * is saturated, so many calls are pending at once and Prisma's per-query cost is paid per batch,
 * while a lone call still goes at once. A batch that fails is retried item by item through
 * `single`, so a batch never behaves differently from the one-row path (its guards, its errors).
 */
export interface BatcherOptions<I, O> {
  single: (item: I) => Promise<O>;
  many: (items: I[]) => Promise<O[]>;
  /** Large enough for a burst, small enough to keep a transaction (SQLite's one writer) short. */
  maxBatch?: number;
  /**
   * Wait `ms` for company when the previous call came less than `whenCallsWithinMs` ago. Calls that
   * arrive one at a time in a steady stream (a burst's verdicts, each when its sandbox run ends)
   * never overlap a write, so without it each would be a batch of one; a lone call still goes at once.
   */
  linger?: { ms: number; whenCallsWithinMs: number };
}

interface Pending<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

export function createBatcher<I, O>(options: BatcherOptions<I, O>): (item: I) => Promise<O> {
  const maxBatch = options.maxBatch ?? 32;
  const pending: Pending<I, O>[] = [];
  let busy = false;
  let lastCallAt = Number.NEGATIVE_INFINITY;

  const settle = (entry: Pending<I, O>, work: Promise<O>) => work.then(entry.resolve, entry.reject);

  async function drain(): Promise<void> {
    try {
      while (pending.length > 0) {
        const batch = pending.splice(0, maxBatch);
        if (batch.length === 1) await settle(batch[0], options.single(batch[0].item));
        else await runBatch(batch);
      }
    } finally {
      busy = false;
    }
  }

  async function runBatch(batch: Pending<I, O>[]): Promise<void> {
    let results: O[];
    try {
      results = await options.many(batch.map((entry) => entry.item));
    } catch {
      // Rolled back as a whole: each item takes the single-row path (with its own guards and errors).
      for (const entry of batch) await settle(entry, options.single(entry.item));
      return;
    }
    batch.forEach((entry, i) => entry.resolve(results[i]));
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      const now = Date.now();
      const streaming = options.linger !== undefined && now - lastCallAt < options.linger.whenCallsWithinMs;
      lastCallAt = now;
      if (busy) return;
      busy = true;
      // setImmediate: the calls made in the same turn of the event loop join this first batch.
      if (streaming && options.linger) setTimeout(() => void drain(), options.linger.ms);
      else setImmediate(() => void drain());
    });
}

/**
 * The linger of the request-path batchers (session check, submit gate, insert): a burst's requests
 * arrive a few ms apart, each waits at most 10 ms for the others; a quiet request goes at once.
 */
export const REQUEST_STREAM_LINGER = { ms: 10, whenCallsWithinMs: 50 };
