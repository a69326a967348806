import { AppError } from "@/lib/errors/app-error";
import { findUserById, type UserRecord } from "@/lib/db/users";

/**
 * The acting user, fresh from the database: role and admin flag are read here rather than trusted
 * from a session token that may predate a change. A deleted account is UNAUTHENTICATED.
 */
export async function loadActor(userId: string): Promise<UserRecord> {
  const user = typeof userId === "string" && userId.length > 0 ? await findUserById(userId) : null;
  if (!user)
    throw new AppError("UNAUTHENTICATED", "Sign in again: this account no longer exists.", { key: "auth.accountGone" });
  return user;
}
