"use client";

import { useEffect, useRef } from "react";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/realtime/events";
import { callApi } from "@/app/_lib/api-client";
import type { SubmissionView } from "@/lib/grading/submission-view.types";
import { isPending, resultFromSubmission, type ShownResult } from "@/app/exercises/[id]/result-view";

const POLL_MS = 2_000;
/** Grading normally takes seconds; after this the page stops polling and the student can reload. */
const POLL_FOR_MS = 5 * 60_000;

/**
 * Keeps a pending submission's result fresh: the server pushes `submission:graded` to the
 * student's user room (joined on connect), and polling GET /api/submissions/ID covers a socket
 * that could not connect or missed the event.
 */
export function useSubmissionUpdates(result: ShownResult | null, onUpdate: (next: ShownResult) => void): void {
  const pendingId = result?.mode === "submission" && isPending(result) ? result.submissionId : null;
  const update = useRef(onUpdate);
  useEffect(() => {
    update.current = onUpdate;
  }, [onUpdate]);

  useEffect(() => {
    if (!pendingId) return;
    let stopped = false;
    const refresh = async () => {
      const response = await callApi<SubmissionView>(`/api/submissions/${pendingId}`, "GET");
      // A failed poll is retried by the next one.
      if (response.ok && !stopped) update.current(resultFromSubmission(response.data));
    };
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ transports: ["websocket", "polling"] });
    socket.on("submission:graded", (event) => {
      if (event.submissionId === pendingId) void refresh();
    });
    // The verdict may have been stored before the socket connected.
    socket.on("connect", () => void refresh());
    const started = Date.now();
    const timer = setInterval(() => {
      if (Date.now() - started > POLL_FOR_MS) clearInterval(timer);
      else void refresh();
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
      socket.disconnect();
    };
  }, [pendingId]);
}
