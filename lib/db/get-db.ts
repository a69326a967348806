import { PrismaClient as PostgresPrismaClient } from "@/generated/prisma-postgres/client";
import { PrismaClient as SqlitePrismaClient, type Prisma } from "@/generated/prisma-sqlite/client";
import { getEnv } from "@/lib/config/env";
import { createAdapterFactory } from "./create-adapter";
import { parseDatabaseUrl, type DatabaseProvider } from "./database-url";

/**
 * The Prisma client, created lazily on first use from DATABASE_URL (SQLite via better-sqlite3, or
 * PostgreSQL via pg). Only lib/db imports the generated clients.
 *
 * The repository layer is typed against the SQLite client. The PostgreSQL client is generated from
 * the same source schema, so its model API is the same; the two classes differ only in
 * provider-specific extras we never use (e.g. `mode: "insensitive"`), which is why TypeScript cannot
 * relate them and `createClient` casts once, through `unknown`.
 */
export type Db = SqlitePrismaClient;
/** A client or an interactive-transaction client: what repository functions accept. */
export type DbClient = Prisma.TransactionClient;

interface DbState {
  url: string;
  provider: DatabaseProvider;
  client: Db;
}

// Kept on globalThis so Next's dev reloads do not open a new connection pool per edit.
const holder = globalThis as typeof globalThis & { __interleaveDb?: DbState; __interleaveDbUrl?: string };

function createClient(url: string): DbState {
  const target = parseDatabaseUrl(url);
  const adapter = createAdapterFactory(target);
  if (target.provider === "sqlite") {
    return { url, provider: "sqlite", client: new SqlitePrismaClient({ adapter }) };
  }
  const client = new PostgresPrismaClient({ adapter }) as unknown as Db;
  return { url, provider: "postgres", client };
}

export function getDb(): Db {
  return currentState().client;
}

export function getDbProvider(): DatabaseProvider {
  return currentState().provider;
}

function currentState(): DbState {
  if (!holder.__interleaveDb) {
    holder.__interleaveDb = createClient(holder.__interleaveDbUrl ?? getEnv().DATABASE_URL);
  }
  return holder.__interleaveDb;
}

/**
 * Points getDb() at another database (tests, scripts). Disconnects the previous client; `null`
 * goes back to DATABASE_URL.
 */
export async function useDatabaseUrl(url: string | null): Promise<void> {
  await disconnectDb();
  holder.__interleaveDbUrl = url ?? undefined;
}

export async function disconnectDb(): Promise<void> {
  const state = holder.__interleaveDb;
  holder.__interleaveDb = undefined;
  if (state) await state.client.$disconnect();
}
