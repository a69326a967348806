import type { RosterChangedPayload } from "@/lib/realtime/events";
import { getLeaderboardNotifier } from "@/lib/leaderboard/leaderboard-notifier";
import { getRealtimePublisher } from "@/lib/realtime/publisher";

/**
 * The hook entry points call after a roster change committed: the class room (instructor's
 * roster page) hears about it, and a removed student's sockets leave the room at once so they
 * stop receiving the class's live events.
 */
export function publishRosterChanged(payload: RosterChangedPayload): void {
  const publisher = getRealtimePublisher();
  if (payload.change === "removed") publisher.removeUserFromClass(payload.studentId, payload.classId);
  publisher.toClass(payload.classId, "roster:changed", payload);
  // The student appears on (or leaves) the class leaderboard.
  getLeaderboardNotifier()(payload.classId, payload.studentId);
}
