import { z } from "zod";
import { PASSWORD_RULE_MESSAGES, passwordLengthRule, passwordRule, type PasswordRule } from "./password-rules";

/**
 * A broken password rule becomes two field details: `password` (English, for API clients) and
 * `password.rule` (the code, which forms translate — a Chinese page never shows the English).
 */
function addPasswordIssue(ctx: z.RefinementCtx, rule: PasswordRule, path: string[]): void {
  ctx.addIssue({ code: "custom", path, message: PASSWORD_RULE_MESSAGES[rule] });
  ctx.addIssue({ code: "custom", path: [...path, "rule"], message: rule });
}

/** A new password (sign-up, password change): the length rules, with their codes. */
export const newPasswordSchema = z.string({ message: "Enter a password." }).superRefine((password, ctx) => {
  const rule = passwordLengthRule(password);
  if (rule) addPasswordIssue(ctx, rule, []);
});

export const emailSchema = z
  .string({ message: "Enter a valid email address." })
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address." }).max(254, "The email address is too long."));

export const signUpInput = z
  .object({
    email: emailSchema,
    password: newPasswordSchema,
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
    if (passwordLengthRule(input.password)) return; // already reported by the field
    const rule = passwordRule(input.password, { email: input.email, name: input.name });
    if (rule) addPasswordIssue(ctx, rule, ["password"]);
  });

export type SignUpInput = z.input<typeof signUpInput>;
