import { getEnv } from "@/lib/config/env";
import { findUserSessionState } from "@/lib/db/users";
import type { SessionUser } from "./session-user";

/**
 * A decoded session cookie is only a claim: this checks it against the account as it is NOW.
 * null when the account is gone, signed out everywhere since the session was issued, or signed in
 * longer ago than SESSION_ABSOLUTE_MAX_AGE_SECONDS; otherwise
 * the user with the current role and admin flag, so a role change takes effect on the next request
 * (pages, API and socket handshakes all come through here). One primary-key read per request.
 */
export async function resolveSessionUser(user: SessionUser | null, nowMs = Date.now()): Promise<SessionUser | null> {
  if (!user) return null;
  // The idle expiry is the cookie's own `exp` (next-auth); the absolute one counts from sign-in.
  if (user.authTime !== undefined && nowMs / 1000 - user.authTime > getEnv().SESSION_ABSOLUTE_MAX_AGE_SECONDS)
    return null;
  const state = await findUserSessionState(user.id);
  if (!state || state.sessionVersion !== (user.sessionVersion ?? 0)) return null;
  return {
    id: state.id,
    email: state.email,
    name: state.name,
    role: state.role === "INSTRUCTOR" ? "instructor" : "student",
    isAdmin: state.isAdmin,
    sessionVersion: state.sessionVersion,
    authTime: user.authTime,
  };
}

/** The version a session issued now carries (0 for an unknown id: the check then fails anyway). */
export async function currentSessionVersion(userId: string): Promise<number> {
  return (await findUserSessionState(userId))?.sessionVersion ?? 0;
}
