import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/realtime/events";

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type LiveStatus = "idle" | "connecting" | "connected" | "disconnected";
type Listener<E extends keyof ServerToClientEvents> = ServerToClientEvents[E];

/** Asks the app for a signed ticket (connection: no classId; a class room: its id). */
export type FetchTicket = (classId?: string) => Promise<string | undefined>;

export async function fetchTicket(classId?: string): Promise<string | undefined> {
  const query = classId ? `?classId=${encodeURIComponent(classId)}` : "";
  const response = await fetch(`/api/realtime/ticket${query}`, { credentials: "same-origin", cache: "no-store" });
  if (!response.ok) return undefined;
  const body = (await response.json()) as { ticket?: unknown };
  return typeof body.ticket === "string" ? body.ticket : undefined;
}

/**
 * The socket for this deployment. Without a realtime URL the app's own origin, authenticated by
 * the session cookie (one process). With one (fan-out nodes), that URL, authenticated by a fresh
 * connection ticket on every (re)connect: the fan-out node reads no cookie and no database.
 */
export function connectRealtime(realtimeUrl: string | null, getTicket: FetchTicket = fetchTicket): LiveSocket {
  if (!realtimeUrl) return io({ transports: ["websocket", "polling"] });
  return io(realtimeUrl, {
    transports: ["websocket", "polling"],
    auth: (callback) => {
      getTicket()
        .then((ticket) => callback({ ticket }))
        .catch(() => callback({}));
    },
  });
}

/**
 * The browser tab's ONE socket, shared by every component through RealtimeProvider. Opened on
 * first use; class rooms are reference-counted and re-joined after a reconnect; when the server
 * could not replay what was missed (`socket.recovered` false) every page refetches its snapshot.
 */
export class RealtimeClient {
  private socket: LiveSocket | null = null;
  private readonly rooms = new Map<string, number>();
  private readonly resyncListeners = new Set<() => void>();
  private readonly statusListeners = new Set<(status: LiveStatus) => void>();
  status: LiveStatus = "idle";

  /** `getTicket`: room tickets for joins (fan-out nodes need one; the app node accepts none). */
  constructor(
    private readonly connect: () => LiveSocket = () => connectRealtime(null),
    private readonly getTicket?: FetchTicket,
  ) {}

  on<E extends keyof ServerToClientEvents>(event: E, listener: Listener<E>): () => void {
    const socket = this.ensure();
    // socket.io-client's typed `on` cannot relate a generic E to its overloads.
    (socket.on as (event: string, listener: (...args: never[]) => void) => void)(event, listener);
    return () => (socket.off as (event: string, listener: (...args: never[]) => void) => void)(event, listener);
  }

  /** Joins the class room (once per tab, however many components ask); returns the release. */
  joinClass(classId: string): () => void {
    const socket = this.ensure();
    const count = this.rooms.get(classId) ?? 0;
    this.rooms.set(classId, count + 1);
    if (count === 0 && socket.connected) this.emitJoin(classId);
    return () => {
      const left = (this.rooms.get(classId) ?? 1) - 1;
      if (left > 0) return void this.rooms.set(classId, left);
      this.rooms.delete(classId);
      if (socket.connected) socket.emit("class:leave-room", { classId }, () => undefined);
    };
  }

  /** Called after every (re)connection the server could not replay: refetch what you show. */
  onResync(listener: () => void): () => void {
    this.ensure();
    this.resyncListeners.add(listener);
    return () => this.resyncListeners.delete(listener);
  }

  onStatus(listener: (status: LiveStatus) => void): () => void {
    this.ensure();
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  close(): void {
    this.socket?.disconnect();
    this.socket = null;
  }

  private ensure(): LiveSocket {
    if (this.socket) return this.socket;
    const socket = this.connect();
    this.socket = socket;
    this.setStatus("connecting");
    socket.on("connect", () => {
      this.setStatus("connected");
      if (socket.recovered) return;
      for (const classId of this.rooms.keys()) this.emitJoin(classId);
      for (const listener of this.resyncListeners) listener();
    });
    socket.on("disconnect", () => this.setStatus("disconnected"));
    socket.on("connect_error", () => this.setStatus("disconnected"));
    return socket;
  }

  private emitJoin(classId: string): void {
    if (!this.getTicket) return void this.socket?.emit("class:join-room", { classId }, () => undefined);
    this.getTicket(classId)
      .catch(() => undefined)
      .then((ticket) => {
        if (this.rooms.has(classId)) this.socket?.emit("class:join-room", { classId, ticket }, () => undefined);
      });
  }

  private setStatus(status: LiveStatus): void {
    this.status = status;
    for (const listener of this.statusListeners) listener(status);
  }
}
