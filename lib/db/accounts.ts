import { getDb, type DbClient } from "./get-db";
import { userSelect, type UserRecord } from "./users";

export async function findUserByAccount(
  provider: string,
  providerAccountId: string,
  db: DbClient = getDb(),
): Promise<UserRecord | null> {
  const account = await db.account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId } },
    select: { user: { select: userSelect } },
  });
  return account?.user ?? null;
}

/** Throws P2002 when this provider account is already linked (to anyone). */
export async function insertAccount(
  data: { userId: string; provider: string; providerAccountId: string; type?: string },
  db: DbClient = getDb(),
): Promise<void> {
  await db.account.create({ data: { type: "oauth", ...data } });
}
