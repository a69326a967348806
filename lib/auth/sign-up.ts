import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/config/parse-input";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import { findUserWithPasswordByEmail, insertUser, type UserRecord } from "@/lib/db/users";
import { hashPassword } from "./password";
import { signUpInput, type SignUpInput } from "./sign-up.types";

const DUPLICATE_MESSAGE = "An account with this email already exists. Sign in instead.";

/** Creates an email + password account as instructor or student. Duplicate email → CONFLICT. */
export async function signUp(input: SignUpInput): Promise<UserRecord> {
  const { email, password, name, role, locale } = parseInput(signUpInput, input);
  if (await findUserWithPasswordByEmail(email))
    throw new AppError("CONFLICT", DUPLICATE_MESSAGE, {
      key: "auth.emailTaken",
      details: { email: [DUPLICATE_MESSAGE] },
    });
  const passwordHash = await hashPassword(password);
  try {
    return await insertUser({ email, name, role, passwordHash, locale });
  } catch (error) {
    // Two sign-ups racing for the same email: the unique index decides, the loser gets CONFLICT.
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", DUPLICATE_MESSAGE, {
        key: "auth.emailTaken",
        details: { email: [DUPLICATE_MESSAGE] },
      });
    throw error;
  }
}
