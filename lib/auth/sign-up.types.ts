import { z } from "zod";

/** bcrypt only reads the first 72 bytes: longer passwords would be silently truncated. */
const MAX_PASSWORD_BYTES = 72;

export const emailSchema = z
  .string({ message: "Enter a valid email address." })
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address." }).max(254, "The email address is too long."));

export const signUpInput = z.object({
  email: emailSchema,
  password: z
    .string({ message: "Enter a password." })
    .min(8, "The password needs at least 8 characters.")
    .refine((p) => Buffer.byteLength(p, "utf8") <= MAX_PASSWORD_BYTES, "The password is too long (at most 72 bytes)."),
  name: z.string({ message: "Enter your name." }).trim().min(1, "Enter your name.").max(100, "The name is too long."),
  // The session uses lower case, the database upper case: accept both.
  role: z.preprocess(
    (v) => (typeof v === "string" ? v.toUpperCase() : v),
    z.enum(["INSTRUCTOR", "STUDENT"], { message: "Choose instructor or student." }),
  ),
  locale: z.enum(["en", "zh"]).optional(),
});

export type SignUpInput = z.input<typeof signUpInput>;
