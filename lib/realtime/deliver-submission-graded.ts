import { classStaffRoom, userRoom, type SubmissionGradedPayload } from "./events";
import type { InterleaveServer } from "./server.types";

/**
 * Sends a stored verdict to the student's sockets and to the class's instructor sockets
 * (dashboards). Students do not get each other's verdicts: the class hears about them through the
 * coalesced `leaderboard:update` (a burst of verdicts is a handful of messages, not verdicts × N).
 * `local`: every web node receives the graded event from the grading channel itself, so emitting
 * through the Redis adapter as well would deliver it once per node. The caller passes `io.local`,
 * or `io` when the sockets are on fan-out nodes (start-live-class.ts).
 */
export function deliverSubmissionGraded(
  out: InterleaveServer | InterleaveServer["local"],
  event: SubmissionGradedPayload,
): void {
  out.to(userRoom(event.userId)).to(classStaffRoom(event.classId)).emit("submission:graded", event);
}
