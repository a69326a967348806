/**
 * Password rules for new passwords, with a message that says what to change. Following NIST
 * SP 800-63B: length over composition rules (no "one digit and one symbol"), and a refusal of the
 * passwords guessers try first — for a classroom, the obvious ones are the school's own words.
 */
export const MIN_PASSWORD_LENGTH = 8;
/** bcrypt only reads the first 72 bytes: longer passwords would be silently truncated. */
export const MAX_PASSWORD_BYTES = 72;

const COMMON = new Set([
  "password",
  "password1",
  "password12",
  "password123",
  "passw0rd",
  "12345678",
  "123456789",
  "1234567890",
  "87654321",
  "11111111",
  "00000000",
  "qwertyui",
  "qwerty123",
  "qwertyuiop",
  "1q2w3e4r",
  "1qaz2wsx",
  "asdfghjk",
  "iloveyou",
  "sunshine",
  "football",
  "baseball",
  "welcome1",
  "letmein1",
  "admin123",
  "abc12345",
  "abcd1234",
  "interleave",
  "interleave1",
  "student1",
  "students",
  "teacher1",
  "classroom",
  "school123",
  "python123",
  "coroutine",
  "asyncio1",
]);

/** Which rule a password breaks: a stable code the browser translates (messages `password.*`). */
export const PASSWORD_RULES = ["tooShort", "tooLong", "common", "repetitive", "containsEmail", "containsName"] as const;
export type PasswordRule = (typeof PASSWORD_RULES)[number];

/** The English wording of each rule, for API clients and logs; forms show their own translation. */
export const PASSWORD_RULE_MESSAGES: Record<PasswordRule, string> = {
  tooShort: `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`,
  tooLong: `The password is too long (at most ${MAX_PASSWORD_BYTES} bytes).`,
  common: "This password is one of the first a guesser tries: choose a less common one.",
  repetitive: "The password repeats the same characters: choose one that is harder to guess.",
  containsEmail: "The password must not contain your email address.",
  containsName: "The password must not contain your name.",
};

/** The length rules alone (they need no context): the first one `password` breaks, or null. */
export function passwordLengthRule(password: string): PasswordRule | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return "tooShort";
  if (new TextEncoder().encode(password).length > MAX_PASSWORD_BYTES) return "tooLong";
  return null;
}

/** The first rule `password` breaks, or null when it is acceptable. */
export function passwordRule(password: string, context: { email?: string; name?: string } = {}): PasswordRule | null {
  const length = passwordLengthRule(password);
  if (length) return length;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return "common";
  if (new Set(lower).size <= 2) return "repetitive";
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (lower === context.email?.trim().toLowerCase() || (local && local.length >= 4 && lower.includes(local)))
    return "containsEmail";
  if (context.name && context.name.trim().length >= 4 && lower.includes(context.name.trim().toLowerCase()))
    return "containsName";
  return null;
}

/** The problem with `password` in English, or null when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  const rule = passwordRule(password, context);
  return rule ? PASSWORD_RULE_MESSAGES[rule] : null;
}
