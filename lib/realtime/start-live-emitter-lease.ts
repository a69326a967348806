import { randomUUID } from "node:crypto";

/** Who sends a deployment's live class events when the sockets are on fan-out nodes. */
export interface LiveEmitterLease {
  /** True while this node holds the lease (renewed in time; a missed renewal counts as lost). */
  isHeld(): boolean;
  /** Gives the lease up at once (shutdown), so another app node takes over without waiting. */
  stop(): Promise<void>;
}

/** The Redis commands the lease uses (ioredis's signatures), so a test can count or break them. */
export interface LeaseRedis {
  set(key: string, value: string, px: "PX", ms: number, nx: "NX"): Promise<"OK" | null>;
  eval(script: string, keys: number, ...args: (string | number)[]): Promise<unknown>;
  quit(): Promise<unknown>;
}

// Compare-and-renew / compare-and-delete: only the holder may extend or drop its own lease.
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

/**
 * Every app node hears every verdict (the grading channel), and with fan-out nodes each would
 * emit it through the Redis adapter to the same sockets: N app nodes, N copies of every
 * `leaderboard:update`. One lease per deployment (`SET key node NX PX ttl`, renewed every ttl/3)
 * names the one node that emits; the others stay quiet and take over within `ttlMs` when it stops
 * renewing (at once when it shuts down cleanly). The holder counts the lease as lost a margin
 * before Redis expires it, so two nodes never both believe they hold it (barring clock jumps).
 */
export async function startLiveEmitterLease(options: {
  /** A Redis URL (a connection of its own is opened), or a client (tests). */
  redis: string | LeaseRedis;
  key: string;
  ttlMs?: number;
  nodeId?: string;
  onChange?: (held: boolean) => void;
}): Promise<LiveEmitterLease> {
  const ttlMs = options.ttlMs ?? 10_000;
  const nodeId = options.nodeId ?? randomUUID();
  const { key } = options;
  const redis = typeof options.redis === "string" ? await connect(options.redis) : options.redis;
  let heldUntil = 0;
  let stopped = false;
  const held = () => !stopped && Date.now() < heldUntil;

  const attempt = async () => {
    const before = held();
    const startedAt = Date.now();
    try {
      const ok = before
        ? (await redis.eval(RENEW, 1, key, nodeId, ttlMs)) === 1
        : (await redis.set(key, nodeId, "PX", ttlMs, "NX")) === "OK";
      // Counted from before the command was sent, minus a margin for the round trip and timers.
      heldUntil = ok ? startedAt + ttlMs - Math.min(1_000, ttlMs / 5) : 0;
    } catch {
      // Redis unreachable: keep what we had until it runs out; the next attempt decides.
    }
    if (held() !== before) options.onChange?.(held());
  };

  await attempt();
  const timer = setInterval(() => void attempt(), Math.max(50, Math.floor(ttlMs / 3)));
  timer.unref();
  return {
    isHeld: held,
    async stop() {
      if (stopped) return;
      clearInterval(timer);
      const wasHeld = held();
      stopped = true;
      if (wasHeld) await redis.eval(RELEASE, 1, key, nodeId).catch(() => undefined);
      await redis.quit().catch(() => undefined);
    },
  };
}

async function connect(redisUrl: string): Promise<LeaseRedis> {
  // Loaded lazily, as the socket.io adapter is: a single-node setup never loads Redis modules.
  const { Redis } = await import("ioredis");
  const client = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  client.on("error", (error: Error) => console.error(`[live] Redis lease: ${error.message}`));
  return {
    set: (key, value, px, ms, nx) => client.set(key, value, px, ms, nx),
    eval: (script, keys, ...args) => client.eval(script, keys, ...args),
    quit: () => client.quit(),
  };
}
