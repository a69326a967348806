import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import type { ExtendedError } from "socket.io";
import { getMetrics } from "@/lib/metrics/metrics";
import type { AuthorizeClassJoin } from "@/lib/realtime/authorize-class-join";
import { userRoom } from "@/lib/realtime/events";
import { registerClassRoomHandlers } from "@/lib/realtime/handlers/class-room-handlers";
import { isAllowedOrigin } from "@/lib/realtime/is-allowed-origin";
import { limitSocketEvents } from "@/lib/realtime/limit-socket-events";
import { createSocketPublisher, setRealtimePublisher } from "@/lib/realtime/publisher";
import type { RoomRevocations } from "@/lib/realtime/room-revocations";
import type { AuthenticateSocket, InterleaveServer } from "@/lib/realtime/server.types";

export interface RealtimeDeps {
  authenticate: AuthenticateSocket;
  authorizeJoin: AuthorizeClassJoin;
  /** Removals heard of here or on another node (room tickets issued before them are refused). */
  revocations: RoomRevocations;
  /** When set, rooms fan out across app nodes (and fan-out nodes) through Redis. */
  redisUrl?: string;
  /** The Redis adapter's channel prefix (default `socket.io`): every node of a deployment shares it. */
  redisKey?: string;
  /** Origins a browser page may connect from besides the host it addressed (NEXTAUTH_URL's). */
  allowedOrigins?: readonly string[];
  /**
   * Another origin's pages connect here (a fan-out node on its own URL): answer CORS for them, so
   * the long-polling fallback works too (websockets need no CORS).
   */
  crossOrigin?: boolean;
  /** Per socket: `burst` events at once, `perSecond` sustained; more are refused (RATE_LIMITED). */
  eventRate?: { burst: number; perSecond: number };
  /** A socket joined a class room. */
  onClassRoomJoined?: (classId: string) => void;
}

export interface RealtimeServer {
  io: InterleaveServer;
  close(): Promise<void>;
}

/**
 * Builds the socket.io server on the shared HTTP server. Call it AFTER Next's request handler is
 * attached: socket.io wraps the existing "request" listeners and only answers `/socket.io/`.
 */
export async function createRealtimeServer(httpServer: HttpServer, deps: RealtimeDeps): Promise<RealtimeServer> {
  const io: InterleaveServer = new Server(httpServer, {
    serveClient: false,
    ...(deps.crossOrigin ? { cors: { origin: [...(deps.allowedOrigins ?? [])] } } : {}),
    // A tab that lost its connection briefly gets the missed events replayed (in-memory adapter;
    // with Redis `socket.recovered` is false and the browser refetches its snapshot).
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: true },
    allowRequest: (request, callback) => {
      const allowed = isAllowedOrigin({
        origin: request.headers.origin,
        host: request.headers.host,
        allowedOrigins: deps.allowedOrigins ?? [],
      });
      callback(allowed ? null : "origin not allowed", allowed);
    },
  });
  const closeAdapter = deps.redisUrl
    ? await attachRedisAdapter(io, deps.redisUrl, deps.redisKey)
    : async () => undefined;
  io.on("class:member-removed", ({ userId, classId, at }) => deps.revocations.revoke(userId, classId, at));

  io.use((socket, next) => {
    deps
      .authenticate(socket.request, socket.handshake.auth)
      .then((user) => {
        if (!user) return next(unauthenticatedError());
        socket.data.user = user;
        next();
      })
      .catch(() => next(unauthenticatedError()));
  });

  // Polling responses bypass the app's request handler: give them the headers that matter for JSON.
  io.engine.on("headers", (headers: Record<string, string>) => {
    headers["X-Content-Type-Options"] = "nosniff";
    headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
    headers["X-Frame-Options"] = "DENY";
  });
  const { socketConnections } = getMetrics();
  io.on("connection", (socket) => {
    limitSocketEvents(socket, deps.eventRate ?? { burst: 20, perSecond: 5 });
    socketConnections.inc();
    socket.once("disconnect", () => socketConnections.dec());
    // A per-user room lets the server reach every tab of one user (grades, removals).
    if (!socket.recovered) void socket.join(userRoom(socket.data.user.id));
    registerClassRoomHandlers(socket, { authorizeJoin: deps.authorizeJoin, onJoined: deps.onClassRoomJoined });
  });

  setRealtimePublisher(createSocketPublisher(io, { revocations: deps.revocations, acrossNodes: !!deps.redisUrl }));

  return {
    io,
    close: async () => {
      setRealtimePublisher(undefined);
      // Close the transports WITHOUT socket.io's "disconnect" packet: the browsers then see a
      // dropped connection and reconnect on their own (to this node once it is back, or to
      // another one), where disconnectSockets() would tell them to stay away for good.
      // io.close() would also close the shared HTTP server; the caller owns that.
      io.engine.close();
      await closeAdapter();
    },
  };
}

function unauthenticatedError(): ExtendedError {
  const error: ExtendedError = new Error("UNAUTHENTICATED");
  error.data = { code: "UNAUTHENTICATED", message: "Sign in to connect to live updates." };
  return error;
}

async function attachRedisAdapter(
  io: InterleaveServer,
  redisUrl: string,
  key = "socket.io",
): Promise<() => Promise<void>> {
  // Loaded lazily so the embedded (single-node) setup never needs Redis modules at start-up.
  const [{ createAdapter }, { Redis }] = await Promise.all([import("@socket.io/redis-adapter"), import("ioredis")]);
  const pub = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const sub = pub.duplicate();
  // ioredis reconnects by itself; without a listener each error is printed as "missing 'error'
  // handler" with no hint of where it came from.
  for (const client of [pub, sub])
    client.on("error", (error: Error) => console.error(`[realtime] Redis adapter: ${error.message}`));
  io.adapter(createAdapter(pub, sub, { key }));
  return async () => {
    await Promise.allSettled([pub.quit(), sub.quit()]);
  };
}
