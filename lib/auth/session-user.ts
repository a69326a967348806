/**
 * The signed-in user as every entry point sees it (pages, route handlers, server actions, sockets).
 * It is what the next-auth JWT carries, so reading it costs no database query.
 */
export type UserRole = "instructor" | "student";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  isAdmin: boolean;
  /** The account's session version when this session was issued (absent on older tokens = 0). */
  sessionVersion?: number;
  /** When the user signed in (Unix seconds): the absolute session expiry counts from here. */
  authTime?: number;
}

export function isUserRole(value: unknown): value is UserRole {
  return value === "instructor" || value === "student";
}

/** Builds a SessionUser from a decoded next-auth JWT, or null when the token is missing fields. */
export function sessionUserFromToken(token: Record<string, unknown> | null | undefined): SessionUser | null {
  if (!token) return null;
  const id = token.sub;
  if (typeof id !== "string" || id.length === 0) return null;
  if (!isUserRole(token.role)) return null;
  const user: SessionUser = {
    id,
    email: typeof token.email === "string" ? token.email : "",
    name: typeof token.name === "string" ? token.name : "",
    role: token.role,
    isAdmin: token.isAdmin === true,
  };
  if (typeof token.sv === "number") user.sessionVersion = token.sv;
  if (typeof token.at === "number") user.authTime = token.at;
  return user;
}
