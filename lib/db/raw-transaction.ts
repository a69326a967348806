import { getDbAdapter } from "./get-db";
import type { RawQueryable } from "./raw-sql";

/** The same limits as withTransaction's interactive transactions (lib/db/with-transaction.ts). */
export const RAW_TRANSACTION_LIMITS = { maxWaitMs: 5_000, timeoutMs: 15_000 };

const NO_ARGS = { args: [], argTypes: [] };

/**
 * Runs `work` in one transaction on the driver adapter (lib/db/raw-sql.ts): all or nothing, as
 * withTransaction. Starting waits at most `maxWaitMs` (SQLite: the adapter's transaction mutex,
 * shared with Prisma's own transactions; PostgreSQL: a pool connection), and the work gets
 * `timeoutMs`: past either the caller gets an error and the transaction is rolled back. After a
 * rollback the transaction's handle refuses further statements, so a late statement of `work`
 * can never run outside the transaction (autocommit) on the shared connection.
 */
export async function rawTransaction<T>(
  work: (tx: RawQueryable) => Promise<T>,
  limits: { maxWaitMs: number; timeoutMs: number } = RAW_TRANSACTION_LIMITS,
): Promise<T> {
  const adapter = await getDbAdapter();
  const starting = adapter.startTransaction();
  const tx = await deadline(starting, limits.maxWaitMs, "could not start a transaction within").catch((error) => {
    // Started too late: give it back as soon as it starts.
    void starting.then((late) => finish(late, "ROLLBACK")).catch(() => undefined);
    throw error;
  });
  let open = true;
  const guarded: RawQueryable = {
    queryRaw: (query) => (open ? tx.queryRaw(query) : Promise.reject(new Error("the transaction has ended"))),
    executeRaw: (query) => (open ? tx.executeRaw(query) : Promise.reject(new Error("the transaction has ended"))),
  };
  let result: T;
  try {
    result = await deadline(work(guarded), limits.timeoutMs, "transaction timed out after");
  } catch (error) {
    open = false;
    await finish(tx, "ROLLBACK").catch(() => undefined);
    throw error;
  }
  open = false;
  try {
    await finish(tx, "COMMIT");
  } catch (error) {
    await finish(tx, "ROLLBACK").catch(() => undefined);
    throw error;
  }
  return result;
}

type AdapterTransaction = Awaited<ReturnType<Awaited<ReturnType<typeof getDbAdapter>>["startTransaction"]>>;
const finished = new WeakSet<AdapterTransaction>();

/**
 * Both adapters leave COMMIT/ROLLBACK to the caller (their `usePhantomQuery` is false) and only
 * release the mutex or connection in commit()/rollback(). Released once, whatever fails.
 */
async function finish(tx: AdapterTransaction, statement: "COMMIT" | "ROLLBACK"): Promise<void> {
  if (finished.has(tx)) return;
  try {
    await tx.executeRaw({ sql: statement, ...NO_ARGS });
  } catch (error) {
    if (statement === "COMMIT") throw error; // the caller rolls back, which releases
    finished.add(tx);
    await tx.rollback();
    throw error;
  }
  finished.add(tx);
  await (statement === "COMMIT" ? tx.commit() : tx.rollback());
}

async function deadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}
