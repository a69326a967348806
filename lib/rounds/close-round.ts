import { markRoundEnded, type LiveRoundRecord } from "@/lib/db/live-rounds";
import { getRealtimePublisher } from "@/lib/realtime/publisher";

/**
 * Closes a running round (its timer, a sweep, or the instructor) and announces `round:ended` to the
 * class room. Only the caller whose conditional update won announces; everyone else gets null.
 */
export async function closeRound(roundId: string, endedAt: Date = new Date()): Promise<LiveRoundRecord | null> {
  const ended = await markRoundEnded(roundId, endedAt);
  if (ended) {
    getRealtimePublisher().toClass(ended.classId, "round:ended", {
      classId: ended.classId,
      roundId: ended.id,
      endedAt: endedAt.toISOString(),
    });
  }
  return ended;
}
