/**
 * The server's clock for live rounds, registered by server.ts (Next's route bundles are separate
 * module instances in the same process, so the registration lives on globalThis). Without one
 * (CLI, unit tests) arming is a no-op: the periodic sweep of a running server closes the round.
 */
export interface RoundClock {
  /** Close the round at `endsAt` by this process's timer. */
  arm(round: { id: string; endsAt: Date }): void;
}

const KEY = Symbol.for("interleave.rounds.clock");
type Registry = typeof globalThis & { [KEY]?: RoundClock };

export function setRoundClock(clock: RoundClock | undefined): void {
  (globalThis as Registry)[KEY] = clock;
}

export function getRoundClock(): RoundClock {
  return (globalThis as Registry)[KEY] ?? { arm: () => undefined };
}
