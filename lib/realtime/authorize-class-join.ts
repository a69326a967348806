import type { RoomRevocations } from "@/lib/realtime/room-revocations";
import { verifyRealtimeTicket } from "@/lib/realtime/realtime-ticket";
import type { SessionUser } from "@/lib/auth/session-user";

/** May this socket's user join the class room, and as staff? null: no (answered NOT_FOUND). */
export type AuthorizeClassJoin = (input: {
  user: SessionUser;
  classId: string;
  ticket?: string;
}) => Promise<{ staff: boolean } | null>;

/**
 * A join is allowed by a valid room ticket for this user and class (no database: what a fan-out
 * node uses), or, on an app node, by one access query when there is no usable ticket. A ticket
 * issued before the user was removed from the class is refused even while it is unexpired.
 */
export function createClassJoinAuthorizer(options: {
  secret?: string;
  revocations: RoomRevocations;
  lookup?: (input: { user: SessionUser; classId: string }) => Promise<{ staff: boolean } | null>;
}): AuthorizeClassJoin {
  return async ({ user, classId, ticket }) => {
    if (ticket !== undefined && options.secret) {
      const verified = verifyRealtimeTicket(options.secret, ticket);
      if (
        verified &&
        verified.userId === user.id &&
        verified.classId === classId &&
        !options.revocations.isRevoked(verified)
      )
        return { staff: verified.staff };
    }
    return options.lookup ? options.lookup({ user, classId }) : null;
  };
}
