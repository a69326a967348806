import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/realtime/events";

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type LiveStatus = "idle" | "connecting" | "connected" | "disconnected";
type Listener<E extends keyof ServerToClientEvents> = ServerToClientEvents[E];

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

  constructor(private readonly connect: () => LiveSocket = () => io({ transports: ["websocket", "polling"] })) {}

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
    this.socket?.emit("class:join-room", { classId }, () => undefined);
  }

  private setStatus(status: LiveStatus): void {
    this.status = status;
    for (const listener of this.statusListeners) listener(status);
  }
}
