"use client";

import { useCallback, useEffect, useRef } from "react";
import { useLiveEvent, useLiveStatus, usePollWhileDisconnected } from "@/app/_components/realtime-provider";
import { callApi } from "@/app/_lib/api-client";
import type { SubmissionView } from "@/lib/grading/submission-view.types";
import { isPending, resultFromSubmission, type ResultView } from "@/app/exercises/[id]/result-view";

const POLL_MS = 2_000;

/**
 * Keeps a pending submission's result fresh over the tab's shared socket: the server pushes
 * `submission:graded` to the student's user room. The verdict may have been stored before the
 * socket (re)connected, so every connection refetches once; polling runs only while disconnected.
 */
export function useSubmissionUpdates(result: ResultView | null, onUpdate: (next: ResultView) => void): void {
  const pendingId = result?.mode === "submission" && isPending(result) ? result.submissionId : null;
  // A submission held for review changes once more, when the instructor decides: shown live too.
  const reviewedId = result?.mode === "submission" && result.state === "needs_review" ? result.submissionId : null;
  const update = useRef(onUpdate);
  useEffect(() => {
    update.current = onUpdate;
  }, [onUpdate]);

  const fetchInto = useCallback(async (id: string | null) => {
    if (!id) return;
    const response = await callApi<SubmissionView>(`/api/submissions/${id}`, "GET");
    // A failed refresh is retried by the next event, reconnection or poll.
    if (response.ok) update.current(resultFromSubmission(response.data));
  }, []);
  const refresh = useCallback(() => fetchInto(pendingId), [fetchInto, pendingId]);

  useLiveEvent("submission:graded", (event) => {
    if (event.submissionId === pendingId || event.submissionId === reviewedId) void fetchInto(event.submissionId);
  });
  const status = useLiveStatus();
  useEffect(() => {
    if (status === "connected") void refresh();
  }, [status, refresh]);
  usePollWhileDisconnected(pendingId ? () => void refresh() : null, POLL_MS);
}
