import { listRunningRounds } from "@/lib/db/live-rounds";
import { closeRound } from "./close-round";
import { setRoundClock, type RoundClock } from "./round-clock";

export interface RoundClockRuntime extends RoundClock {
  /** Closes every overdue round now; returns how many this call closed. */
  sweep(): Promise<number>;
  stop(): void;
}

/** Node timers cannot wait longer than ~24.8 days; rounds last at most an hour anyway. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The server's clock for live rounds: closes each round at its `endsAt` by a timer, also across a
 * restart — on start-up overdue rounds are closed at once and running ones re-armed. A periodic
 * sweep closes rounds whose timer lives on a node that went away. Closing is a conditional update,
 * so two nodes' timers for the same round announce its end once.
 */
export async function startRoundClock(
  options: { sweepMs?: number; log?: (message: string) => void } = {},
): Promise<RoundClockRuntime> {
  const log = options.log ?? ((message: string) => console.log(`[rounds] ${message}`));
  const timers = new Map<string, NodeJS.Timeout>();
  let stopped = false;

  const close = (id: string) => {
    timers.delete(id);
    closeRound(id).catch((error: unknown) => log(`closing round ${id} failed (the sweep retries): ${String(error)}`));
  };

  const arm = (round: { id: string; endsAt: Date }) => {
    if (stopped) return;
    clearTimeout(timers.get(round.id));
    const wait = Math.min(Math.max(0, round.endsAt.getTime() - Date.now()), MAX_TIMER_MS);
    const timer = setTimeout(() => close(round.id), wait);
    timer.unref();
    timers.set(round.id, timer);
  };

  const sweep = async () => {
    const now = Date.now();
    let closed = 0;
    for (const round of await listRunningRounds()) {
      const endsAt = round.endsAt ?? new Date(now);
      if (endsAt.getTime() <= now) {
        // Closed at the time it was due, not when this server happened to notice.
        if (await closeRound(round.id, endsAt)) closed += 1;
      } else if (!timers.has(round.id)) {
        arm({ id: round.id, endsAt });
      }
    }
    return closed;
  };

  const overdue = await sweep();
  if (overdue > 0) log(`closed ${overdue} round(s) that ended while the server was down`);
  const interval = setInterval(
    () => void sweep().catch((error: unknown) => log(`sweep failed: ${String(error)}`)),
    options.sweepMs ?? 5_000,
  );
  interval.unref();
  const runtime: RoundClockRuntime = {
    arm,
    sweep,
    stop() {
      stopped = true;
      clearInterval(interval);
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      setRoundClock(undefined);
    },
  };
  setRoundClock(runtime);
  return runtime;
}
