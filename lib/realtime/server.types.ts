import type { IncomingMessage } from "node:http";
import type { Server, Socket } from "socket.io";
import type { SessionUser } from "@/lib/auth/session-user";
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from "@/lib/realtime/events";

export type InterleaveServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type InterleaveSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** Resolves the handshake to the signed-in user, or null (the connection is then refused). */
export type AuthenticateSocket = (request: IncomingMessage) => Promise<SessionUser | null>;

/**
 * True when the user owns the class or is enrolled in it (`class.view`), or manages it
 * (`class.manage`: the staff room); decided by lib/auth/policy.
 */
export type CanAccessClass = (input: {
  userId: string;
  classId: string;
  action?: "class.view" | "class.manage";
}) => Promise<boolean>;
