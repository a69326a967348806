import { z } from "zod";
import { MIN_PASSWORD_LENGTH, passwordProblem } from "./password-rules";

export const emailSchema = z
  .string({ message: "Enter a valid email address." })
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address." }).max(254, "The email address is too long."));

export const signUpInput = z
  .object({
    email: emailSchema,
    password: z
      .string({ message: "Enter a password." })
      .min(MIN_PASSWORD_LENGTH, `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`),
    name: z.string({ message: "Enter your name." }).trim().min(1, "Enter your name.").max(100, "The name is too long."),
    // The session uses lower case, the database upper case: accept both.
    role: z.preprocess(
      (v) => (typeof v === "string" ? v.toUpperCase() : v),
      z.enum(["INSTRUCTOR", "STUDENT"], { message: "Choose instructor or student." }),
    ),
    locale: z.enum(["en", "zh"]).optional(),
  })
  .superRefine((input, ctx) => {
    // The rules (lib/auth/password-rules.ts) need the email and name too: not "ada@x.org" for Ada.
    const problem = passwordProblem(input.password, { email: input.email, name: input.name });
    if (problem && [...input.password].length >= MIN_PASSWORD_LENGTH)
      ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

export type SignUpInput = z.input<typeof signUpInput>;
