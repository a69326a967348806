/**
 * The fan-out node of `npm run bench:live`, in its own process so its RSS is measured alone: the
 * same module a deployment runs (`npm run fanout`), holding the students' sockets, admitting them
 * by the app's tickets and relaying what the app node (live-server.ts `app`) emits through Redis.
 * It must import no database code: live.ts checks the bundle's inputs.
 */
import { createServer } from "node:http";
import { startFanoutNode } from "@/lib/realtime/start-fanout-node";
import { memoryBreakdown } from "./live-memory";

const send = (message: unknown) => process.send?.(message);
let peakRss = 0;
setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50).unref();

async function main(): Promise<void> {
  const { BENCH_LIVE_REDIS_URL: redisUrl, BENCH_LIVE_REDIS_KEY: redisKey, BENCH_LIVE_SECRET: secret } = process.env;
  if (!redisUrl || !secret) throw new Error("BENCH_LIVE_REDIS_URL and BENCH_LIVE_SECRET are required");
  const http = createServer();
  await startFanoutNode(http, { secret, redisUrl, redisKey, allowedOrigins: [] });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const address = http.address();
  send({ type: "ready", port: typeof address === "object" && address ? address.port : 0 });
  process.on("message", (message: { type: string }) => {
    if (message.type !== "rss") return;
    if (process.env.BENCH_LIVE_MEMORY) console.error("[fanout] memory", memoryBreakdown(peakRss));
    send({ type: "rss", rss: Math.max(peakRss, process.memoryUsage().rss) });
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
