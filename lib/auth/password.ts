import bcrypt from "bcryptjs";

/** bcrypt cost 10: ~70 ms here, and bcryptjs's async API yields to the event loop between rounds. */
export const BCRYPT_COST = 10;

export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// A real hash of a random string: comparing against it when the user does not exist makes a
// wrong email cost the same time as a wrong password, so sign-in does not reveal who has an account.
let dummyHash: Promise<string> | undefined;

export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= bcrypt.hash(`no-such-user-${Math.random()}`, BCRYPT_COST);
  await bcrypt.compare(password, await dummyHash);
}
