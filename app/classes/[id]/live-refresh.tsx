"use client";

import { useRouter } from "next/navigation";
import { useClassRoom, useLiveEvent } from "@/app/_components/realtime-provider";

/**
 * Keeps the tab in the class room and re-renders the page when the roster changes or a round
 * starts or ends, so the projector shows students the moment they join. Renders nothing.
 */
export function LiveRefresh({ classId }: { classId: string }) {
  const router = useRouter();
  useClassRoom(classId, () => router.refresh());
  useLiveEvent("roster:changed", (payload) => {
    if (payload.classId === classId) router.refresh();
  });
  useLiveEvent("round:started", (payload) => {
    if (payload.classId === classId) router.refresh();
  });
  useLiveEvent("round:ended", (payload) => {
    if (payload.classId === classId) router.refresh();
  });
  return null;
}
