import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "@/lib/auth/next-auth-options";
import { resolveSessionUser } from "@/lib/auth/resolve-session-user";
import { isUserRole, type SessionUser } from "@/lib/auth/session-user";

/**
 * The signed-in user for server components and server actions, or null. Cached per request: the
 * header and the page both ask, the JWT is decoded once. getServerSession also re-sends the cookie
 * with a later expiry, so an active user stays signed in. Route handlers decode the cookie without
 * that cost (app/api/_lib/route.ts).
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const user = session?.user;
  if (!user?.id || !isUserRole(user.role)) return null;
  // A revoked session (sign out everywhere) reads as signed out; the role is the current one.
  return resolveSessionUser({
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    isAdmin: user.isAdmin === true,
    sessionVersion: user.sessionVersion,
    authTime: user.authTime,
  });
});

/** For pages: sends anonymous visitors to sign in and brings them back afterwards. */
export async function requirePageUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
