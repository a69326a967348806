import type { Server as HttpServer } from "node:http";
import { createTicketAuthenticator } from "@/lib/realtime/authenticate-ticket";
import { createClassJoinAuthorizer } from "@/lib/realtime/authorize-class-join";
import { createRealtimeServer, type RealtimeServer } from "@/lib/realtime/create-realtime-server";
import { createRoomRevocations } from "@/lib/realtime/room-revocations";

export interface FanoutNodeOptions {
  /** NEXTAUTH_SECRET of the app nodes: tickets are signed with a key derived from it. */
  secret: string;
  redisUrl: string;
  redisKey?: string;
  /** The app's public origin: browsers open this node's socket from its pages. */
  allowedOrigins: readonly string[];
}

/**
 * A socket node that holds browsers' sockets and nothing else: no database, no Prisma, no Next.
 * Joins are authorized by the app's signed tickets; class events arrive from the app nodes through
 * the socket.io Redis adapter (the app emits to the room; this node's members get it). Removals
 * (socketsLeave, disconnect, `class:member-removed`) arrive the same way.
 */
export function startFanoutNode(httpServer: HttpServer, options: FanoutNodeOptions): Promise<RealtimeServer> {
  const revocations = createRoomRevocations();
  return createRealtimeServer(httpServer, {
    authenticate: createTicketAuthenticator(options.secret),
    authorizeJoin: createClassJoinAuthorizer({ secret: options.secret, revocations }),
    revocations,
    redisUrl: options.redisUrl,
    redisKey: options.redisKey,
    allowedOrigins: options.allowedOrigins,
    crossOrigin: true,
  });
}
