import { REALTIME_TICKET_TTL_SECONDS, type RealtimeTicket } from "@/lib/realtime/realtime-ticket";

/**
 * Removals a socket node has heard of (its own or, through the Redis adapter, another node's):
 * a room ticket issued before the student was removed must not open the room again, even though
 * its signature and expiry still hold. Entries outlive every ticket that could predate them
 * (the TTL), then they are dropped: memory stays bounded by the removals of the last minute.
 */
export interface RoomRevocations {
  revoke(userId: string, classId: string, atSeconds?: number): void;
  /** True when the user was removed from the ticket's class at or after the ticket was issued. */
  isRevoked(ticket: Pick<RealtimeTicket, "userId" | "classId" | "iat">): boolean;
}

export function createRoomRevocations(ttlSeconds = REALTIME_TICKET_TTL_SECONDS): RoomRevocations {
  const removedAt = new Map<string, number>();
  const key = (userId: string, classId: string) => `${userId}\n${classId}`;
  const prune = (nowSeconds: number) => {
    for (const [k, at] of removedAt) if (at + ttlSeconds + 1 < nowSeconds) removedAt.delete(k);
  };
  return {
    revoke(userId, classId, atSeconds = Math.floor(Date.now() / 1000)) {
      prune(atSeconds);
      removedAt.set(key(userId, classId), Math.max(atSeconds, removedAt.get(key(userId, classId)) ?? 0));
    },
    isRevoked(ticket) {
      if (ticket.classId === null) return false;
      const at = removedAt.get(key(ticket.userId, ticket.classId));
      return at !== undefined && ticket.iat <= at;
    },
  };
}
