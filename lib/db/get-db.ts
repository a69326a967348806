import { PrismaClient as PostgresPrismaClient } from "@/generated/prisma-postgres/client";
import { PrismaClient as SqlitePrismaClient, type Prisma } from "@/generated/prisma-sqlite/client";
import { getEnv } from "@/lib/config/env";
import { defineService, findService, provideService, useService } from "@/lib/config/process-services";
import { createAdapterFactory } from "./create-adapter";
import { parseDatabaseUrl, type DatabaseProvider } from "./database-url";
import { shareAdapter, type SqlAdapter } from "./shared-adapter";

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
  /** The adapter Prisma queries through, for the hot path's raw statements (lib/db/raw-sql.ts). */
  adapter: () => Promise<SqlAdapter>;
}

/**
 * In the process registry (one slot on globalThis), not a module variable: the production server
 * loads this module twice — dist/server.js's own bundle and Next's server chunks — and both copies
 * must use ONE client (one connection pool, one WebAssembly query compiler; measured: one adapter
 * connect per process). Also keeps Next's dev reloads from opening a pool per edit.
 */
const DB = defineService<DbState>("db", () => createClient(findService(DB_URL) ?? getEnv().DATABASE_URL));
/** A database chosen by useDatabaseUrl() instead of DATABASE_URL (tests, scripts). */
const DB_URL = defineService<string>("db-url", () => getEnv().DATABASE_URL);

function createClient(url: string): DbState {
  const target = parseDatabaseUrl(url);
  const { factory: adapter, connect } = shareAdapter(createAdapterFactory(target));
  if (target.provider === "sqlite") {
    return { url, provider: "sqlite", client: new SqlitePrismaClient({ adapter }), adapter: connect };
  }
  const client = new PostgresPrismaClient({ adapter }) as unknown as Db;
  return { url, provider: "postgres", client, adapter: connect };
}

export function getDb(): Db {
  return useService(DB).client;
}

/** The connected driver adapter of getDb()'s client (only lib/db/raw-sql.ts uses it). */
export function getDbAdapter(): Promise<SqlAdapter> {
  return useService(DB).adapter();
}

export function getDbProvider(): DatabaseProvider {
  return useService(DB).provider;
}

/**
 * Points getDb() at another database (tests, scripts). Disconnects the previous client; `null`
 * goes back to DATABASE_URL.
 */
export async function useDatabaseUrl(url: string | null): Promise<void> {
  await disconnectDb();
  provideService(DB_URL, url ?? undefined);
}

export async function disconnectDb(): Promise<void> {
  const state = findService(DB);
  provideService(DB, undefined);
  if (state) await state.client.$disconnect();
}
