import { getDb, type DbClient } from "./get-db";
import { rawParams, rawQuery, readValue as read } from "./raw-sql";
import { createBatcher, REQUEST_STREAM_LINGER } from "./submissions-batcher";

export type UserRole = "INSTRUCTOR" | "STUDENT";

/** What the product passes around: never the password hash. */
export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  isAdmin: boolean;
  locale: string;
  createdAt: Date;
}

/** The columns of a UserRecord (no password hash). */
export const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  isAdmin: true,
  locale: true,
  createdAt: true,
} as const;

export async function findUserById(id: string, db: DbClient = getDb()): Promise<UserRecord | null> {
  return db.user.findUnique({ where: { id }, select: userSelect });
}

/** Emails are stored lower-cased; callers pass the normalised address. */
export async function findUserWithPasswordByEmail(
  email: string,
  db: DbClient = getDb(),
): Promise<(UserRecord & { passwordHash: string | null }) | null> {
  return db.user.findUnique({ where: { email }, select: { ...userSelect, passwordHash: true } });
}

export interface NewUser {
  email: string;
  name: string;
  role: UserRole;
  passwordHash: string | null;
  isAdmin?: boolean;
  locale?: string;
}

/** Throws Prisma's P2002 on a duplicate email (see isUniqueViolation). */
export async function insertUser(user: NewUser, db: DbClient = getDb()): Promise<UserRecord> {
  return db.user.create({ data: user, select: userSelect });
}

/** Seed helper: creates the user or brings an existing one back to the given fields. */
export async function upsertUserByEmail(user: NewUser, db: DbClient = getDb()): Promise<UserRecord> {
  return db.user.upsert({ where: { email: user.email }, create: user, update: user, select: userSelect });
}

/** What a session check needs: is the account still there, at which session version, which role now. */
export interface UserSessionState {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  isAdmin: boolean;
  sessionVersion: number;
}

const sessionStateSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  isAdmin: true,
  sessionVersion: true,
} as const;

/**
 * Every API request checks its session here (lib/auth/resolve-session-user.ts). Requests arriving
 * while a read is in flight share the next read, one `IN` query for all of them (a burst of 1000
 * submits paid one Prisma query each, issue 9 point 6). Nothing is cached: every read starts after
 * its request arrived, so a sign-out-everywhere or a deleted account applies exactly as before.
 * With an explicit client (a transaction) it reads alone.
 */
export async function findUserSessionState(id: string, db?: DbClient): Promise<UserSessionState | null> {
  return db ? readSessionState(id, db) : readSessionStateBatched(id);
}

async function readSessionState(id: string, db: DbClient = getDb()): Promise<UserSessionState | null> {
  return db.user.findUnique({ where: { id }, select: sessionStateSelect });
}

/** Every API request of a burst asks this: raw SQL on the adapter, no Prisma call (lib/db/raw-sql.ts). */
const readSessionStateBatched = createBatcher<string, UserSessionState | null>({
  single: async (id) => (await readSessionStatesRaw([id]))[0] ?? null,
  many: async (ids) => {
    const rows = await readSessionStatesRaw([...new Set(ids)]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  },
  maxBatch: 200,
  linger: REQUEST_STREAM_LINGER,
});

/** Every session issued before this call stops working. Returns the new version. */
export async function incrementSessionVersion(id: string, db: DbClient = getDb()): Promise<number> {
  const updated = await db.user.update({
    where: { id },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return updated.sessionVersion;
}

export async function updateUserRole(id: string, role: UserRole, db: DbClient = getDb()): Promise<UserRecord | null> {
  const found = await db.user.findUnique({ where: { id }, select: { id: true } });
  if (!found) return null;
  return db.user.update({ where: { id }, data: { role }, select: userSelect });
}

/** Accounts for the admin's user list, newest first; `query` matches name or email (case as stored). */
export async function listUsers(
  options: { query?: string; take: number },
  db: DbClient = getDb(),
): Promise<UserRecord[]> {
  const query = options.query?.trim();
  return db.user.findMany({
    where: query ? { OR: [{ email: { contains: query.toLowerCase() } }, { name: { contains: query } }] } : undefined,
    orderBy: { createdAt: "desc" },
    take: options.take,
    select: userSelect,
  });
}

/** Grants or revokes the admin flag by email; null when no account has that email. */
export async function setUserAdminByEmail(
  email: string,
  isAdmin: boolean,
  db: DbClient = getDb(),
): Promise<UserRecord | null> {
  const found = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!found) return null;
  return db.user.update({ where: { id: found.id }, data: { isAdmin }, select: userSelect });
}

export async function findPasswordHash(id: string, db: DbClient = getDb()): Promise<string | null> {
  return (await db.user.findUnique({ where: { id }, select: { passwordHash: true } }))?.passwordHash ?? null;
}

/** A new password ends every session issued before it (the session version moves on). */
export async function updatePasswordHash(id: string, passwordHash: string, db: DbClient = getDb()): Promise<void> {
  await db.user.update({ where: { id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
}

/** The session state of each account among `ids` (absent when deleted). */
export async function readSessionStatesRaw(ids: readonly string[]): Promise<UserSessionState[]> {
  if (ids.length === 0) return [];
  const p = rawParams();
  const rows = await rawQuery(
    `SELECT "id", "email", "name", "role", "isAdmin", "sessionVersion" FROM "User" WHERE "id" IN ${p.list(ids)}`,
    p,
  );
  return rows.map((row) => ({
    id: read.string(row.id),
    email: read.string(row.email),
    name: read.string(row.name),
    role: read.string(row.role) as UserRole,
    isAdmin: read.boolean(row.isAdmin),
    sessionVersion: read.int(row.sessionVersion),
  }));
}
