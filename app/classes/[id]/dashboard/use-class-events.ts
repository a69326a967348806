"use client";

import type { SubmissionGradedPayload } from "@/lib/realtime/events";
import { useClassRoom, useLiveEvent } from "@/app/_components/realtime-provider";

/**
 * The dashboard's class-room subscription over the tab's one shared socket: the instructor's
 * sockets are in the class's staff room, which receives every graded submission of the class.
 * `onReconnect` runs after a (re)connection the server could not replay: refetch the snapshot.
 */
export function useClassGradedEvents(classId: string, onGraded: (event: SubmissionGradedPayload) => void, onReconnect: () => void): void {
  useClassRoom(classId, onReconnect);
  useLiveEvent("submission:graded", (event) => {
    if (event.classId === classId) onGraded(event);
  });
}
