import { defineService, findService, provideService } from "@/lib/config/process-services";
import type { SubmissionGradedPayload } from "@/lib/realtime/events";

/**
 * Publishes a stored verdict on the grading channel: every web node (through Redis, or this one
 * in-process) delivers it to its own sockets — the student, the class's staff, the leaderboard
 * feed and round progress. For verdicts decided outside the grader (an instructor's review), so
 * boards on other nodes update like they do for graded ones. startGrading provides it.
 */
export type PublishGradedEvent = (event: SubmissionGradedPayload) => void;

const GRADED_EVENT_PUBLISHER = defineService<PublishGradedEvent>("graded-event-publisher", () => {
  throw new Error("No grading channel in this process: start the app through server.ts");
});

export function setGradedEventPublisher(publish: PublishGradedEvent | undefined): void {
  provideService(GRADED_EVENT_PUBLISHER, publish);
}

/** The channel's publisher, or undefined in a process that started no grading (CLI, unit tests). */
export function findGradedEventPublisher(): PublishGradedEvent | undefined {
  return findService(GRADED_EVENT_PUBLISHER);
}
