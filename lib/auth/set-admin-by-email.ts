import { z } from "zod";
import { emailSchema } from "./sign-up.types";
import { parseInput } from "@/lib/config/parse-input";
import { setUserAdminByEmail } from "@/lib/db/users";
import { AppError } from "@/lib/errors/app-error";

export const setAdminByEmailInput = z.object({ email: emailSchema, isAdmin: z.boolean() });

/**
 * The first administrator has nobody to promote them: the operator grants the flag from the
 * command line (`npm run user:admin -- EMAIL`), which only someone with the database can run.
 */
export async function setAdminByEmail(
  input: z.input<typeof setAdminByEmailInput>,
): Promise<{ id: string; email: string; isAdmin: boolean }> {
  const { email, isAdmin } = parseInput(setAdminByEmailInput, input);
  const user = await setUserAdminByEmail(email, isAdmin);
  if (!user) throw new AppError("NOT_FOUND", `No account has the email ${email}.`);
  return { id: user.id, email: user.email, isAdmin: user.isAdmin };
}
