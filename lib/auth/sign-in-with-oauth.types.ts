import { z } from "zod";
import { emailSchema } from "./sign-up.types";

export const signInWithOAuthInput = z.object({
  provider: z.enum(["github", "google"]),
  providerAccountId: z.string().min(1).max(200),
  email: emailSchema,
  /** Only a provider-verified email may attach the OAuth login to an existing account. */
  emailVerified: z.boolean().default(false),
  name: z.string().trim().max(100).optional(),
});
export type SignInWithOAuthInput = z.input<typeof signInWithOAuthInput>;
