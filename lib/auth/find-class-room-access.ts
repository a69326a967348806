import { findClassAccess } from "@/lib/db/classes";
import { can, type Actor, type ClassContext } from "./policy";

/**
 * What a class's live room needs to know about one user, in ONE query: may they see the class
 * (`class.view`) and do they manage it (`class.manage`: the staff room too). The actor is the
 * caller's already-resolved user (the socket handshake or the page's session read it fresh; a role
 * change disconnects the sockets), so no second read of the account. null: no access.
 */
export async function findClassRoomAccess(options: {
  actor: Actor;
  classId: string;
}): Promise<{ staff: boolean } | null> {
  const found = options.classId ? await findClassAccess(options.classId, options.actor.id) : null;
  return found
    ? classRoomAccessOf(options.actor, { ownerId: found.klass.ownerId, enrollmentStatus: found.enrollmentStatus })
    : null;
}

/** The room's rule on what was read (shared with the batched lookup, create-class-room-access-lookup.ts). */
export function classRoomAccessOf(actor: Actor, context: ClassContext): { staff: boolean } | null {
  if (!can(actor, "class.view", context).allowed) return null;
  return { staff: can(actor, "class.manage", context).allowed };
}
