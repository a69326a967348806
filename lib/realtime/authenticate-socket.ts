import type { IncomingMessage } from "node:http";
import { parse as parseCookieHeader } from "cookie";
import { getToken } from "next-auth/jwt";
import { resolveSessionUser } from "@/lib/auth/resolve-session-user";
import { sessionUserFromToken, type SessionUser } from "@/lib/auth/session-user";
import type { AuthenticateSocket } from "@/lib/realtime/server.types";

export interface SocketAuthOptions {
  /** The same NEXTAUTH_SECRET the pages use; without it the cookie cannot be decrypted. */
  secret: string;
  /** True when the app is served over https (cookie `__Secure-next-auth.session-token`). */
  secureCookie: boolean;
}

/**
 * Reads the next-auth session cookie from the socket.io handshake. `getToken({ req })` silently
 * returns null for a raw IncomingMessage because it has no parsed `cookies`, so we parse the
 * Cookie header ourselves; getToken then also joins chunked cookies (`.0`, `.1`).
 */
export function createSocketAuthenticator(options: SocketAuthOptions): AuthenticateSocket {
  return async (request: IncomingMessage): Promise<SessionUser | null> => {
    const cookies = parseCookieHeader(request.headers.cookie ?? "");
    const req = Object.assign(request, { cookies: definedOnly(cookies) });
    try {
      const token = await getToken({ req, secret: options.secret, secureCookie: options.secureCookie });
      return await resolveSessionUser(sessionUserFromToken(token));
    } catch {
      // A tampered or stale cookie is just "not signed in".
      return null;
    }
  };
}

function definedOnly(record: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
  return out;
}
