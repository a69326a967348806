import { afterEach, describe, expect, it, vi } from "vitest";
import { startLiveEmitterLease, type LeaseRedis } from "./start-live-emitter-lease";

/** A Redis of one key with expiry on the fake clock, running the lease's two scripts by what they say. */
function fakeRedis(store: { value?: string; expiresAt: number }, down = { now: false }): LeaseRedis {
  const current = () => (store.value !== undefined && Date.now() < store.expiresAt ? store.value : undefined);
  return {
    async set(_key, value, _px, ms) {
      if (down.now) throw new Error("connection refused");
      if (current() !== undefined) return null;
      Object.assign(store, { value, expiresAt: Date.now() + ms });
      return "OK";
    },
    async eval(script, _keys, _key, owner, ms) {
      if (down.now) throw new Error("connection refused");
      if (current() !== owner) return 0;
      if (script.includes("pexpire")) store.expiresAt = Date.now() + Number(ms);
      else store.value = undefined;
      return 1;
    },
    quit: async () => "OK",
  };
}

afterEach(() => vi.useRealTimers());

describe("startLiveEmitterLease", () => {
  it("lets exactly one of two nodes hold it, keeps it while renewed, and hands it over on stop", async () => {
    vi.useFakeTimers();
    const store = { expiresAt: 0 };
    const a = await startLiveEmitterLease({ redis: fakeRedis(store), key: "k", ttlMs: 3_000, nodeId: "a" });
    const b = await startLiveEmitterLease({ redis: fakeRedis(store), key: "k", ttlMs: 3_000, nodeId: "b" });
    expect([a.isHeld(), b.isHeld()]).toEqual([true, false]);
    for (let i = 0; i < 10; i += 1) {
      await vi.advanceTimersByTimeAsync(1_000);
      expect([a.isHeld(), b.isHeld()]).toEqual([true, false]);
    }
    await a.stop();
    expect(a.isHeld()).toBe(false);
    // The released key is free at once: b takes it at its next attempt, not a ttl later.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(b.isHeld()).toBe(true);
    await b.stop();
  });

  it("counts the lease lost before Redis expires it when renewals fail, so the holders never overlap", async () => {
    vi.useFakeTimers();
    const store = { expiresAt: 0 };
    const outage = { now: false };
    const a = await startLiveEmitterLease({ redis: fakeRedis(store, outage), key: "k", ttlMs: 3_000, nodeId: "a" });
    const b = await startLiveEmitterLease({ redis: fakeRedis(store), key: "k", ttlMs: 3_000, nodeId: "b" });
    const changes: boolean[] = [];
    outage.now = true;
    for (let t = 0; t < 6_000; t += 100) {
      await vi.advanceTimersByTimeAsync(100);
      expect(a.isHeld() && b.isHeld(), `at ${t} ms`).toBe(false);
      changes.push(b.isHeld());
    }
    expect(a.isHeld()).toBe(false);
    expect(b.isHeld()).toBe(true);
    // a's Redis is back: b renews, so a stays out.
    outage.now = false;
    await vi.advanceTimersByTimeAsync(3_000);
    expect([a.isHeld(), b.isHeld()]).toEqual([false, true]);
    expect(changes.at(-1)).toBe(true);
    await Promise.all([a.stop(), b.stop()]);
  });
});
