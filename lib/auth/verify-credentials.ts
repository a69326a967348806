import { findUserWithPasswordByEmail, type UserRecord } from "@/lib/db/users";
import { burnPasswordCheck, verifyPassword } from "./password";

/**
 * Email + password sign-in: the user, or null for any failure (unknown email, OAuth-only account,
 * wrong password, malformed input). Every path runs one bcrypt comparison so the answer's timing
 * does not reveal whether the email has an account.
 */
export async function verifyCredentials(input: { email: unknown; password: unknown }): Promise<UserRecord | null> {
  const email = typeof input.email === "string" ? input.email.trim().toLowerCase() : "";
  const password = typeof input.password === "string" ? input.password : "";
  const found = email && password ? await findUserWithPasswordByEmail(email) : null;
  if (!found || !found.passwordHash) {
    await burnPasswordCheck(password);
    return null;
  }
  const { passwordHash, ...user } = found;
  return (await verifyPassword(password, passwordHash)) ? user : null;
}
