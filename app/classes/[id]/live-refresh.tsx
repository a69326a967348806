"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/realtime/events";

/**
 * Joins the class room over socket.io and re-renders the page when the roster changes, so the
 * projector shows students the moment they join. Renders nothing.
 */
export function LiveRefresh({ classId }: { classId: string }) {
  const router = useRouter();
  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ transports: ["websocket", "polling"] });
    const joinRoom = () => socket.emit("class:join-room", { classId }, () => undefined);
    socket.on("connect", joinRoom);
    socket.on("roster:changed", (payload) => {
      if (payload.classId === classId) router.refresh();
    });
    return () => {
      socket.disconnect();
    };
  }, [classId, router]);
  return null;
}
