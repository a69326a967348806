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
  const key = `${options.secret}\u0000${token}`;
  const cached = decoded.get(key);
  if (cached && cached.until > Date.now()) return cached.user;
  const user = await decodeSessionCookie(token, options.secret);
  if (decoded.size >= MAX_DECODED) decoded.delete(decoded.keys().next().value ?? "");
  decoded.set(key, { user, until: Date.now() + DECODED_TTL_MS });
  return user;
}

/**
 * A page polling the API sends the same cookie again and again: its decryption (a key derivation
 * and a JWE, ~0.5 ms) is kept for a few seconds. Only the decoding: whether the session is still
 * valid is checked against the database on every request (resolve-session-user.ts), and a cookie
 * about to expire is decoded anew (next-auth's 15 s clock tolerance exceeds this TTL).
 */
const DECODED_TTL_MS = 5_000;
const MAX_DECODED = 5_000;
const decoded = new Map<string, { user: SessionUser | null; until: number }>();

async function decodeSessionCookie(token: string, secret: string): Promise<SessionUser | null> {
  try {
    // decode() is what next-auth's getToken runs on the cookie. getToken itself is not used: its
    // types want a Next request object (lib/ does not import next/*), and it would also accept an
    // `Authorization: Bearer <jwe>` header, which getServerSession never did.
    return sessionUserFromToken(await decode({ token, secret }));
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
