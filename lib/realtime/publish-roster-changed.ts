import type { RosterChangedPayload } from "@/lib/realtime/events";
import { getLeaderboardNotifier, type LeaderboardNotifier } from "@/lib/leaderboard/leaderboard-notifier";
import { getRealtimePublisher, type RealtimePublisher } from "@/lib/realtime/publisher";

/** Where roster events go: injected by tests, the registered services otherwise. */
export interface RosterEventDeps {
  publisher?: RealtimePublisher;
  notifyLeaderboard?: LeaderboardNotifier;
}

/**
 * What the roster use cases (join, remove) do after the change committed: the class room
 * (instructor's roster page) hears about it, and a removed student's sockets leave the room at
 * once so they stop receiving the class's live events.
 */
export function publishRosterChanged(payload: RosterChangedPayload, deps: RosterEventDeps = {}): void {
  const publisher = deps.publisher ?? getRealtimePublisher();
  if (payload.change === "removed") publisher.removeUserFromClass(payload.studentId, payload.classId);
  publisher.toClass(payload.classId, "roster:changed", payload);
  // The student appears on (or leaves) the class leaderboard.
  (deps.notifyLeaderboard ?? getLeaderboardNotifier())(payload.classId, payload.studentId);
}
