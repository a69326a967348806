import { findUserSessionState } from "@/lib/db/users";
import type { SessionUser } from "./session-user";

/**
 * A decoded session cookie is only a claim: this checks it against the account as it is NOW.
 * null when the account is gone or signed out everywhere since the session was issued; otherwise
 * the user with the current role and admin flag, so a role change takes effect on the next request
 * (pages, API and socket handshakes all come through here). One primary-key read per request.
 */
export async function resolveSessionUser(user: SessionUser | null): Promise<SessionUser | null> {
  if (!user) return null;
  const state = await findUserSessionState(user.id);
  if (!state || state.sessionVersion !== (user.sessionVersion ?? 0)) return null;
  return {
    id: state.id,
    email: state.email,
    name: state.name,
    role: state.role === "INSTRUCTOR" ? "instructor" : "student",
    isAdmin: state.isAdmin,
    sessionVersion: state.sessionVersion,
  };
}

/** The version a session issued now carries (0 for an unknown id: the check then fails anyway). */
export async function currentSessionVersion(userId: string): Promise<number> {
  return (await findUserSessionState(userId))?.sessionVersion ?? 0;
}
