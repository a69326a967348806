import { getDb, type DbClient } from "./get-db";

/**
 * Runs `work` in one interactive transaction: every write inside commits together or not at all.
 * Pass the `tx` to repository functions. Keep the work short — SQLite has a single writer.
 */
export async function withTransaction<T>(work: (tx: DbClient) => Promise<T>): Promise<T> {
  return getDb().$transaction((tx) => work(tx), { maxWait: 5_000, timeout: 15_000 });
}
