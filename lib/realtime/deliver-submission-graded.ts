import { classRoom, userRoom, type SubmissionGradedPayload } from "./events";
import type { InterleaveServer } from "./server.types";

/**
 * Sends a stored verdict to the student's sockets and to the class room (dashboards, leaderboard).
 * `local`: every web node receives the graded event from the grading channel itself, so emitting
 * through the Redis adapter as well would deliver it once per node.
 */
export function deliverSubmissionGraded(io: InterleaveServer, event: SubmissionGradedPayload): void {
  io.local.to(userRoom(event.userId)).to(classRoom(event.classId)).emit("submission:graded", event);
}
