import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * A short-lived signed statement from an app node: "user U may connect" (classId null) or "user U
 * may join class C's room (as staff or not)". The socket node verifies it with the shared secret
 * and no database, so the process that holds the sockets needs no Prisma (see docs/architecture.md,
 * "Fan-out nodes"). HMAC-SHA256 with a key derived from NEXTAUTH_SECRET, so a ticket can never be
 * mistaken for (or forged from) a session cookie.
 */
export interface RealtimeTicket {
  userId: string;
  /** null: a connection ticket (the handshake); otherwise the class whose room it opens. */
  classId: string | null;
  /** Joins the class's staff room too (owner/admin). */
  staff: boolean;
  /** Unix seconds: issued at (a removal after this revokes it) and expiry. */
  iat: number;
  exp: number;
}

/** Long enough for a page load and a join, short enough that revocation rarely has to help. */
export const REALTIME_TICKET_TTL_SECONDS = 60;

const PREFIX = "rt1";

function keyFor(secret: string): Buffer {
  return createHmac("sha256", secret).update("interleave:realtime-ticket:v1").digest();
}

function mac(secret: string, body: string): string {
  return createHmac("sha256", keyFor(secret)).update(`${PREFIX}.${body}`).digest("base64url");
}

export function signRealtimeTicket(options: {
  secret: string;
  userId: string;
  classId: string | null;
  staff: boolean;
  nowMs?: number;
  ttlSeconds?: number;
}): string {
  const iat = Math.floor((options.nowMs ?? Date.now()) / 1000);
  const ticket: RealtimeTicket = {
    userId: options.userId,
    classId: options.classId,
    staff: options.staff,
    iat,
    exp: iat + (options.ttlSeconds ?? REALTIME_TICKET_TTL_SECONDS),
  };
  const body = Buffer.from(JSON.stringify(ticket)).toString("base64url");
  return `${PREFIX}.${body}.${mac(options.secret, body)}`;
}

/** The ticket when the signature holds and it has not expired; null for anything else. */
export function verifyRealtimeTicket(secret: string, token: unknown, nowMs = Date.now()): RealtimeTicket | null {
  if (typeof token !== "string" || token.length > 2048) return null;
  const [prefix, body, signature, ...rest] = token.split(".");
  if (prefix !== PREFIX || !body || !signature || rest.length > 0) return null;
  const expected = Buffer.from(mac(secret, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const ticket = parse(body);
  if (!ticket || ticket.exp <= nowMs / 1000) return null;
  return ticket;
}

function parse(body: string): RealtimeTicket | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    if (typeof value !== "object" || value === null) return null;
    const t = value as Record<string, unknown>;
    if (typeof t.userId !== "string" || !t.userId) return null;
    if (t.classId !== null && typeof t.classId !== "string") return null;
    if (typeof t.staff !== "boolean" || typeof t.iat !== "number" || typeof t.exp !== "number") return null;
    return { userId: t.userId, classId: t.classId, staff: t.staff, iat: t.iat, exp: t.exp };
  } catch {
    return null;
  }
}
