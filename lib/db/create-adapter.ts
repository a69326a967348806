import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { assertSafeSchemaName, type DatabaseTarget } from "./database-url";

/**
 * The driver adapter for a database target. Used by the runtime client (lib/db/get-db.ts) and by
 * Prisma's JS schema engine (prisma.config.ts), so queries and migrations talk to the database
 * the same way and no native engine is ever downloaded.
 */
export function createAdapterFactory(target: DatabaseTarget): PrismaBetterSQLite3 | PrismaPg {
  if (target.provider === "sqlite") {
    return new PrismaBetterSQLite3({ url: target.filePath });
  }
  return new PrismaPg(pgPoolConfig(target), { schema: assertSafeSchemaName(target.schema) });
}

/**
 * For Prisma's JS schema engine only. Its introspection queries return PostgreSQL's internal
 * `name` (oid 19) and `"char"` (oid 18) columns, which @prisma/adapter-pg 6.19 refuses ("Column
 * type 'name' could not be deserialized", prisma/orm#27403), so every migrate command fails on
 * PostgreSQL. Both are plain text on the wire: report them as `text` (oid 25) and it works.
 */
export function createMigrationAdapterFactory(target: DatabaseTarget): PrismaBetterSQLite3 | PrismaPg {
  if (target.provider === "sqlite") return createAdapterFactory(target);
  const pool = new pg.Pool(pgPoolConfig(target));
  pool.on("connect", (client) => patchTextLikeOids(client));
  return new PrismaPg(pool, { schema: assertSafeSchemaName(target.schema), disposeExternalPool: true });
}

function pgPoolConfig(target: Extract<DatabaseTarget, { provider: "postgres" }>): pg.PoolConfig {
  const schema = assertSafeSchemaName(target.schema);
  // search_path too, so raw SQL and enum type names resolve inside the chosen schema.
  return { connectionString: target.connectionString, options: `-c search_path="${schema}"` };
}

const TEXT_OID = 25;
const TEXT_LIKE_OIDS = new Set([18, 19]);

type QueryResultLike = { fields?: Array<{ dataTypeID: number }> };

function retypeFields(result: unknown): void {
  const fields = (result as QueryResultLike | null)?.fields;
  for (const field of fields ?? []) if (TEXT_LIKE_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
}

function patchTextLikeOids(client: pg.PoolClient): void {
  const original = client.query.bind(client) as (...args: unknown[]) => unknown;
  const patched = (...args: unknown[]): unknown => {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (error: unknown, result: unknown) => {
        if (!error) retypeFields(result);
        (last as (e: unknown, r: unknown) => void)(error, result);
      };
      return original(...args);
    }
    const returned = original(...args);
    if (returned instanceof Promise) return returned.then((result) => (retypeFields(result), result));
    return returned;
  };
  // pg's query() is heavily overloaded; the wrapper keeps every call shape and only retypes fields.
  Object.assign(client, { query: patched });
}
