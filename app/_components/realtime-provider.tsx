"use client";

import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import type { ServerToClientEvents } from "@/lib/realtime/events";
import { RealtimeClient, connectRealtime, fetchTicket, type LiveStatus } from "@/app/_components/realtime-client";

const RealtimeContext = createContext<RealtimeClient | null>(null);

/**
 * Holds the tab's one socket (opened only when a component first asks for live updates).
 * `realtimeUrl` (REALTIME_URL): the fan-out nodes, joined with signed tickets; null: this origin.
 */
export function RealtimeProvider({ children, realtimeUrl }: { children: ReactNode; realtimeUrl: string | null }) {
  const [client] = useState(() =>
    realtimeUrl
      ? new RealtimeClient(() => connectRealtime(realtimeUrl), fetchTicket)
      : new RealtimeClient(() => connectRealtime(null)),
  );
  useEffect(() => () => client.close(), [client]);
  return <RealtimeContext.Provider value={client}>{children}</RealtimeContext.Provider>;
}

function useClient(): RealtimeClient {
  const client = useContext(RealtimeContext);
  if (!client) throw new Error("useLive… hooks need <RealtimeProvider> (app/layout.tsx)");
  return client;
}

/** Subscribes to one server event for the component's lifetime (the latest handler is called). */
export function useLiveEvent<E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E]): void {
  const client = useClient();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  }, [handler]);
  useEffect(() => {
    const forward = ((...args: Parameters<ServerToClientEvents[E]>) =>
      (latest.current as (...a: typeof args) => void)(...args)) as ServerToClientEvents[E];
    return client.on(event, forward);
  }, [client, event]);
}

/**
 * Keeps the tab in the class room while mounted. `onResync` runs after every connection whose
 * missed events the server could not replay: refetch the snapshot there.
 */
export function useClassRoom(classId: string, onResync?: () => void): void {
  const client = useClient();
  const resync = useRef(onResync);
  useEffect(() => {
    resync.current = onResync;
  }, [onResync]);
  useEffect(() => {
    const release = client.joinClass(classId);
    const stop = client.onResync(() => resync.current?.());
    return () => {
      stop();
      release();
    };
  }, [client, classId]);
}

export function useLiveStatus(): LiveStatus {
  const client = useClient();
  const [status, setStatus] = useState<LiveStatus>(client.status);
  useEffect(() => {
    setStatus(client.status);
    return client.onStatus(setStatus);
  }, [client]);
  return status;
}

/** Polls only while the socket is down (the socket carries updates otherwise). */
export function usePollWhileDisconnected(poll: (() => void) | null, everyMs: number): void {
  const status = useLiveStatus();
  const latest = useRef(poll);
  useEffect(() => {
    latest.current = poll;
  }, [poll]);
  const active = poll !== null && status === "disconnected";
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => latest.current?.(), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs]);
}
