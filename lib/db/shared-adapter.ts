import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { PrismaPg } from "@prisma/adapter-pg";

/** A connected driver adapter (better-sqlite3 or pg): what Prisma's client engine queries through. */
export type SqlAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"] | PrismaPg["connect"]>>;
type AdapterFactory = PrismaBetterSQLite3 | PrismaPg;

/**
 * Hands Prisma a factory whose `connect` returns ONE adapter, and lets lib/db/raw-sql.ts query
 * that same adapter: on SQLite one better-sqlite3 connection (a second connection would fight the
 * first for the write lock) and the adapter's transaction mutex; on PostgreSQL one pool. When
 * Prisma disposes it ($disconnect), the next call connects a new one.
 */
export function shareAdapter(factory: AdapterFactory): { factory: AdapterFactory; connect: () => Promise<SqlAdapter> } {
  let current: Promise<SqlAdapter> | undefined;
  const connect = (): Promise<SqlAdapter> => {
    current ??= factory.connect().then((adapter) => {
      const dispose = adapter.dispose.bind(adapter);
      const connected = current;
      return Object.assign(adapter, {
        dispose: async () => {
          if (current === connected) current = undefined;
          await dispose();
        },
      });
    });
    return current;
  };
  // Same provider and name (Prisma checks them), only `connect` differs.
  const shared: AdapterFactory = Object.assign(Object.create(factory) as AdapterFactory, { connect });
  return { factory: shared, connect };
}
