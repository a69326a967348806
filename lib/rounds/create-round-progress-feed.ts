import { findRunningRound, listRoundSubmissions } from "@/lib/db/live-rounds";
import type { RoundProgressPayload } from "@/lib/realtime/events";
import { createCoalescer } from "@/lib/realtime/create-coalescer";
import { summarizeRound } from "./summarize-round";

export interface RoundProgressFeed {
  /** A verdict (or a new answer) arrived in this class: coalesced per class. */
  changed(classId: string): void;
  drain(): Promise<void>;
  close(): void;
}

/**
 * `round:progress` for the class's running round — the projector's live count of answers. At most
 * `intervalMs` apart per class; nothing is read or sent when no round runs.
 */
export function createRoundProgressFeed(options: {
  emit: (payload: RoundProgressPayload) => void;
  intervalMs?: number;
  onError?: (error: unknown) => void;
}): RoundProgressFeed {
  const coalescer = createCoalescer<true>({
    intervalMs: options.intervalMs ?? 250,
    onError: options.onError,
    flush: async (classId) => {
      const round = await findRunningRound(classId);
      if (!round) return;
      const stats = summarizeRound(await listRoundSubmissions(round.id), { revealDetails: false });
      options.emit({ classId, roundId: round.id, answered: stats.answered, passed: stats.passed });
    },
  });
  return {
    changed: (classId) => coalescer.mark(classId, true),
    drain: () => coalescer.drain(),
    close: () => coalescer.close(),
  };
}
