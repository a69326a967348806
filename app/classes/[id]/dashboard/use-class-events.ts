"use client";

import { useEffect, useRef } from "react";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents, SubmissionGradedPayload } from "@/lib/realtime/events";

/**
 * Minimal class-room subscription for the dashboard until the shared socket provider (issue 10)
 * lands in app/_components: joins the class room and calls back on every graded submission.
 * Rejoins after a reconnect so the projector keeps updating through a Wi-Fi hiccup.
 */
export function useClassGradedEvents(classId: string, onGraded: (event: SubmissionGradedPayload) => void, onReconnect: () => void): void {
  const handler = useRef(onGraded);
  const reconnect = useRef(onReconnect);
  useEffect(() => {
    handler.current = onGraded;
    reconnect.current = onReconnect;
  });
  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ transports: ["websocket", "polling"] });
    let connectedBefore = false;
    socket.on("connect", () => {
      socket.emit("class:join-room", { classId }, () => undefined);
      if (connectedBefore) reconnect.current();
      connectedBefore = true;
    });
    socket.on("submission:graded", (event) => {
      if (event.classId === classId) handler.current(event);
    });
    return () => {
      socket.disconnect();
    };
  }, [classId]);
}
