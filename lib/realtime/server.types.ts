import type { IncomingMessage } from "node:http";
import type { Server, Socket } from "socket.io";
import type { SessionUser } from "@/lib/auth/session-user";
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from "@/lib/realtime/events";

export type InterleaveServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type InterleaveSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/**
 * Resolves the handshake to the user, or null (the connection is then refused): from the session
 * cookie on an app node, from a connection ticket in socket.io's `auth` on a fan-out node.
 */
export type AuthenticateSocket = (
  request: IncomingMessage,
  auth: Record<string, unknown>,
) => Promise<SessionUser | null>;
