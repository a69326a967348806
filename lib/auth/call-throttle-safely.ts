/**
 * A failure throttle that fails (Redis unreachable) lets the attempt through and logs: an outage of
 * the shared counter must not lock a whole school out, and it is not something a client can cause.
 */
export async function callThrottleSafely<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (error) {
    console.error(
      "[auth] failure throttle unavailable, allowing the attempt:",
      error instanceof Error ? error.message : error,
    );
    return null;
  }
}
