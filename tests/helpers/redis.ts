import IORedis from "ioredis";

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/**
 * Whether Redis answers. Under CI=true a missing Redis is a failure, never a silent skip: the
 * caller passes the result to `describe.skipIf` only outside CI.
 */
export async function redisAvailable(url = TEST_REDIS_URL): Promise<boolean> {
  const client = new IORedis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    if (process.env.CI === "true") throw new Error(`Redis is required under CI=true but ${url} does not answer`);
    console.warn(`\n*** Redis at ${url} does not answer: skipping Redis tests (they are required under CI=true) ***\n`);
    return false;
  } finally {
    client.disconnect();
  }
}

export function uniquePrefix(label: string): string {
  return `test-${label}-${process.pid}-${Date.now().toString(36)}`;
}

/** Deletes every key under a BullMQ prefix created by a test. */
export async function deleteKeys(prefix: string, url = TEST_REDIS_URL): Promise<void> {
  const client = new IORedis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = "0";
    do {
      const [next, keys] = await client.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 500);
      if (keys.length > 0) await client.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    client.disconnect();
  }
}
