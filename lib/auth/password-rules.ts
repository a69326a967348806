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

/** The problem with `password`, or null when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (Buffer.byteLength(password, "utf8") > MAX_PASSWORD_BYTES)
    return `The password is too long (at most ${MAX_PASSWORD_BYTES} bytes).`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return "This password is one of the first a guesser tries: choose a less common one.";
  if (new Set(lower).size <= 2) return "The password repeats the same characters: choose one that is harder to guess.";
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (lower === context.email?.trim().toLowerCase() || (local && local.length >= 4 && lower.includes(local)))
    return "The password must not contain your email address.";
  if (context.name && context.name.trim().length >= 4 && lower.includes(context.name.trim().toLowerCase()))
    return "The password must not contain your name.";
  return null;
}
