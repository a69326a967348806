import path from "node:path";

/**
 * DATABASE_URL decides the provider: `postgres://` / `postgresql://` → PostgreSQL (pg adapter),
 * `file:` → SQLite (better-sqlite3 adapter). Pure, so prisma.config.ts, the scripts and the runtime
 * all read the URL the same way.
 */
export type DatabaseProvider = "sqlite" | "postgres";

export type DatabaseTarget =
  | { provider: "sqlite"; url: string; filePath: string }
  | { provider: "postgres"; url: string; connectionString: string; schema: string };

export const DEFAULT_DATABASE_URL = "file:./data/interleave.db";

export function providerOf(url: string): DatabaseProvider {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgres";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(
    `DATABASE_URL must start with "file:" (SQLite) or "postgres://"/"postgresql://" (PostgreSQL), got "${redactUrl(url)}"`,
  );
}

/**
 * Relative SQLite paths resolve against `cwd` (the repository root for npm scripts and the
 * server), not against the schema file as the classic Prisma engine did.
 */
export function parseDatabaseUrl(url: string, cwd: string = process.cwd()): DatabaseTarget {
  if (providerOf(url) === "sqlite") {
    const raw = url.slice("file:".length).split("?")[0];
    if (raw.length === 0) throw new Error('DATABASE_URL "file:" needs a path, e.g. file:./data/interleave.db');
    const filePath = raw === ":memory:" ? raw : path.resolve(cwd, raw);
    return { provider: "sqlite", url, filePath };
  }
  // `?schema=` is Prisma's convention; pg itself does not know it, so it is taken out here and
  // handed to the adapter (and to search_path) instead.
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? "public";
  parsed.searchParams.delete("schema");
  return { provider: "postgres", url, connectionString: parsed.toString(), schema };
}

/** For error messages and logs: never print a password. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@/]*)@/, "//$1:***@");
}

/** Schema names end up in SQL identifiers (search_path, DROP SCHEMA): allow only plain names. */
export function assertSafeSchemaName(schema: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`Unsafe PostgreSQL schema name "${schema}"`);
  }
  return schema;
}
