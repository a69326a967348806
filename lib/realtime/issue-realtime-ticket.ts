import { findClassRoomAccess } from "@/lib/auth/find-class-room-access";
import { loadActor } from "@/lib/auth/load-actor";
import { getEnv } from "@/lib/config/env";
import { AppError } from "@/lib/errors/app-error";
import { getClassRoomWatch } from "@/lib/realtime/class-room-watch";
import { REALTIME_TICKET_TTL_SECONDS, signRealtimeTicket } from "@/lib/realtime/realtime-ticket";

export interface IssuedRealtimeTicket {
  ticket: string;
  classId: string | null;
  staff: boolean;
  expiresAt: string;
}

/**
 * Signs what a socket node needs to admit this user without a database: with no classId a
 * connection ticket (the handshake), with one a room ticket after the same access rule as the
 * class pages (no access: NOT_FOUND). Tickets live a minute; the browser asks again on reconnect.
 */
export async function issueRealtimeTicket(options: {
  userId: string;
  classId?: string;
  secret?: string;
  nowMs?: number;
}): Promise<IssuedRealtimeTicket> {
  const actor = await loadActor(options.userId);
  const classId = options.classId ?? null;
  let staff = false;
  if (classId !== null) {
    const access = await findClassRoomAccess({ actor, classId });
    if (!access) throw new AppError("NOT_FOUND", "Class not found", { key: "class.notFound" });
    staff = access.staff;
    getClassRoomWatch()(classId);
  }
  const nowMs = options.nowMs ?? Date.now();
  const ticket = signRealtimeTicket({
    secret: options.secret ?? getEnv().NEXTAUTH_SECRET,
    userId: actor.id,
    classId,
    staff,
    nowMs,
  });
  return {
    ticket,
    classId,
    staff,
    expiresAt: new Date(Math.floor(nowMs / 1000) * 1000 + REALTIME_TICKET_TTL_SECONDS * 1000).toISOString(),
  };
}
