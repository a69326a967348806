import { parse as parseCookieHeader } from "cookie";
import { decode } from "next-auth/jwt";
import { sessionUserFromToken, type SessionUser } from "./session-user";

export interface ReadSessionCookieOptions {
  /** The request's Cookie header. */
  cookieHeader: string | null | undefined;
  /** NEXTAUTH_SECRET: the cookie is a JWE encrypted with a key derived from it. */
  secret: string;
  /** True when the app is served over https (cookie `__Secure-next-auth.session-token`). */
  secureCookie: boolean;
}

/**
 * Decodes the next-auth session cookie into the signed-in user, or null. This is what API route
 * handlers use: unlike getServerSession it only decrypts, and does not re-encrypt and re-send the
 * cookie on every call (a per-request hkdf + JWE that showed up in the submission burst profile).
 * Pages and server actions keep getServerSession, which slides the session's expiry forward.
 */
export async function readSessionCookie(options: ReadSessionCookieOptions): Promise<SessionUser | null> {
  const token = sessionCookieValue(options.cookieHeader, options.secureCookie);
  if (!token) return null;
  try {
    // decode() is what next-auth's getToken runs on the cookie. getToken itself is not used: its
    // types want a Next request object (lib/ does not import next/*), and it would also accept an
    // `Authorization: Bearer <jwe>` header, which getServerSession never did.
    return sessionUserFromToken(await decode({ token, secret: options.secret }));
  } catch {
    // A tampered, expired or foreign cookie is just "not signed in".
    return null;
  }
}

/**
 * next-auth splits a cookie over 4 KB into `<name>.0`, `<name>.1`, …; joined in chunk order as its
 * SessionStore does. A whole cookie has no suffix and sorts first (next-auth never sets both).
 */
function sessionCookieValue(cookieHeader: string | null | undefined, secureCookie: boolean): string {
  const name = secureCookie ? "__Secure-next-auth.session-token" : "next-auth.session-token";
  const chunks: { index: number; value: string }[] = [];
  for (const [key, value] of Object.entries(parseCookieHeader(cookieHeader ?? ""))) {
    if (value === undefined || !key.startsWith(name)) continue;
    const suffix = key.slice(name.length);
    if (suffix === "") chunks.push({ index: -1, value });
    else if (/^\.\d+$/.test(suffix)) chunks.push({ index: Number(suffix.slice(1)), value });
  }
  return chunks
    .sort((a, b) => a.index - b.index)
    .map((chunk) => chunk.value)
    .join("");
}
