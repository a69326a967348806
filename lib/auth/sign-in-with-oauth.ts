import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/config/parse-input";
import { findUserByAccount, insertAccount } from "@/lib/db/accounts";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import { findUserWithPasswordByEmail, insertUser, type UserRecord } from "@/lib/db/users";
import { withTransaction } from "@/lib/db/with-transaction";
import { signInWithOAuthInput, type SignInWithOAuthInput } from "./sign-in-with-oauth.types";

/**
 * GitHub/Google sign-in (for next-auth's signIn/jwt callbacks): the linked user; else, when the
 * provider vouches for the email, the existing account with that email gets linked; else a new
 * STUDENT account without a password. An unverified email matching an existing account is
 * refused (CONFLICT) — linking it would hand that account to whoever controls the OAuth login.
 */
export async function signInWithOAuth(input: SignInWithOAuthInput): Promise<UserRecord> {
  const { provider, providerAccountId, email, emailVerified, name } = parseInput(signInWithOAuthInput, input);
  const linked = await findUserByAccount(provider, providerAccountId);
  if (linked) return linked;
  try {
    return await withTransaction(async (tx) => {
      const existing = await findUserWithPasswordByEmail(email, tx);
      if (existing && !emailVerified) {
        throw new AppError("CONFLICT", "An account with this email exists. Sign in with your password first.", {
          key: "auth.oauthEmailExists",
        });
      }
      const user = existing
        ? withoutPassword(existing)
        : await insertUser({ email, name: name || email.split("@")[0], role: "STUDENT", passwordHash: null }, tx);
      await insertAccount({ userId: user.id, provider, providerAccountId }, tx);
      return user;
    });
  } catch (error) {
    // A concurrent first sign-in linked the same provider account: use that link.
    if (isUniqueViolation(error)) {
      const raced = await findUserByAccount(provider, providerAccountId);
      if (raced) return raced;
    }
    throw error;
  }
}

function withoutPassword(user: UserRecord & { passwordHash: string | null }): UserRecord {
  const { passwordHash, ...rest } = user;
  void passwordHash;
  return rest;
}
