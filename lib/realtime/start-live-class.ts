import { createLeaderboardFeed } from "@/lib/leaderboard/create-leaderboard-feed";
import { setLeaderboardNotifier } from "@/lib/leaderboard/leaderboard-notifier";
import { createRoundProgressFeed } from "@/lib/rounds/create-round-progress-feed";
import { startRoundClock } from "@/lib/rounds/start-round-clock";
import { classRoom, type SubmissionGradedPayload } from "@/lib/realtime/events";
import { setClassRoomWatch } from "@/lib/realtime/class-room-watch";
import { deliverSubmissionGraded } from "@/lib/realtime/deliver-submission-graded";
import type { InterleaveServer } from "@/lib/realtime/server.types";

export interface LiveClass {
  /** A verdict was stored (from this process or, through Redis, another grader). */
  onGraded(event: SubmissionGradedPayload): void;
  /** A socket joined a class room: load that board so the next update is a delta. */
  onClassRoomJoined(classId: string): void;
  stop(): Promise<void>;
}

/**
 * The live classroom on one web node: verdicts go to the student and the instructor at once, and
 * to the whole class as coalesced `leaderboard:update` (changed rows only) and `round:progress`;
 * the round clock closes rounds on time. Every web node receives every verdict from the grading
 * channel, so each emits to its own sockets only (`io.local`): nothing is delivered twice. With
 * `acrossNodes` the sockets live on fan-out nodes and this node emits through Redis instead.
 */
export async function startLiveClass(
  io: InterleaveServer,
  options: { intervalMs?: number; log?: (message: string) => void; acrossNodes?: boolean } = {},
): Promise<LiveClass> {
  // Fan-out topology: the sockets are on fan-out nodes, reached through the Redis adapter. Only
  // this app node emits a class's feed then (docs/architecture.md: one app node per deployment).
  const out = options.acrossNodes ? io : io.local;
  const log = options.log ?? ((message: string) => console.error(`[live] ${message}`));
  const onError = (error: unknown) =>
    log(`live update failed: ${error instanceof Error ? error.message : String(error)}`);
  const leaderboard = createLeaderboardFeed({
    intervalMs: options.intervalMs,
    onError,
    emit: (payload) => out.to(classRoom(payload.classId)).emit("leaderboard:update", payload),
  });
  const progress = createRoundProgressFeed({
    intervalMs: options.intervalMs,
    onError,
    emit: (payload) => out.to(classRoom(payload.classId)).emit("round:progress", payload),
  });
  setLeaderboardNotifier((classId, userId) => leaderboard.changed(classId, userId));
  const clock = await startRoundClock({ log });
  // A class starting its lesson is hundreds of joins within a second, all before the first board
  // is loaded: without this each would read the whole class (1000 joins = 1000 full boards read
  // and dropped, a burst of garbage that stays in the heap). One read per class at a time.
  const warming = new Map<string, Promise<void>>();
  const liveClass: LiveClass = {
    onGraded(event) {
      deliverSubmissionGraded(out, event);
      leaderboard.changed(event.classId, event.userId);
      progress.changed(event.classId);
    },
    onClassRoomJoined(classId) {
      if (warming.has(classId)) return;
      const done = leaderboard
        .warm(classId)
        .catch(onError)
        .finally(() => warming.delete(classId));
      warming.set(classId, done);
    },
    async stop() {
      clock.stop();
      setLeaderboardNotifier(undefined);
      setClassRoomWatch(undefined);
      await Promise.allSettled([leaderboard.drain(), progress.drain()]);
      leaderboard.close();
      progress.close();
    },
  };
  setClassRoomWatch((classId) => liveClass.onClassRoomJoined(classId));
  return liveClass;
}
