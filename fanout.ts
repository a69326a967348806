/**
 * Composition root of a fan-out node (`npm run fanout`): one HTTP port that holds the browsers'
 * live sockets and nothing else — no Next, no database. The app nodes (server.ts with REALTIME_URL
 * set) issue the tickets and send class events through Redis. See docs/architecture.md.
 */
import { takeOverEarlySignal } from "@/lib/runtime/early-signal-guard";
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import { getEnv } from "@/lib/config/env";
import { getLogger } from "@/lib/observability/logger";
import { startFanoutNode } from "@/lib/realtime/start-fanout-node";
import { drainConnections, onShutdownSignal } from "@/lib/runtime/on-shutdown-signal";
import type { RealtimeServer } from "@/lib/realtime/create-realtime-server";

const log = getLogger("fanout");
let realtime: RealtimeServer | undefined;
const httpServer = createServer((request, response) => {
  // socket.io answers /socket.io/ itself; this is the load balancer's health check.
  response.writeHead(request.url === "/healthz" ? 200 : 404, { "content-type": "text/plain" });
  response.end(request.url === "/healthz" ? "ok" : "not found");
});
const closed = new Promise<void>((resolve) => httpServer.once("close", () => resolve()));

const shutdown = onShutdownSignal({
  log,
  steps: [
    { name: "stop accepting connections", run: () => void (httpServer.listening && httpServer.close()) },
    { name: "sockets: reconnect elsewhere", run: () => realtime?.close() },
    { name: "connections", run: () => (httpServer.listening ? drainConnections(httpServer, closed) : undefined) },
  ],
});

async function main(): Promise<void> {
  if (existsSync(".env")) process.loadEnvFile?.(".env");
  const env = getEnv();
  if (!env.REDIS_URL) throw new Error("a fan-out node needs REDIS_URL (it hears class events through Redis)");
  realtime = await startFanoutNode(httpServer, {
    secret: env.NEXTAUTH_SECRET,
    redisUrl: env.REDIS_URL,
    redisKey: env.REALTIME_REDIS_KEY,
    allowedOrigins: [new URL(env.NEXTAUTH_URL).origin],
  });
  await new Promise<void>((resolve) => httpServer.listen(env.PORT, env.HOSTNAME, resolve));
  log.info({ port: env.PORT, app: env.NEXTAUTH_URL }, `> Interleave fan-out node on port ${env.PORT}`);
}

const startUp = main();
takeOverEarlySignal(shutdown);
startUp.catch((error: unknown) => {
  console.error("fan-out node failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
