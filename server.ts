/**
 * Composition root: one HTTP port serving Next.js and socket.io together. Everything with logic
 * lives in lib/; this file only wires it up in the order the stack needs (see stack-notes).
 */
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import next from "next";
import { getEnv } from "@/lib/config/env";
import { createSocketAuthenticator } from "@/lib/realtime/authenticate-socket";
import { canAccessClass } from "@/lib/auth/can-access-class";
import { createRealtimeServer } from "@/lib/realtime/create-realtime-server";
import { startLiveClass, type LiveClass } from "@/lib/realtime/start-live-class";
import { setAuthRateLimiters } from "@/lib/auth/auth-rate-limiters";
import { createAuthRateLimiters } from "@/lib/auth/create-auth-rate-limiters";
import { setGradingServices } from "@/lib/grading/grading-services";
import { startGrading } from "@/lib/grading/start-grading";
import { stampClientAddress } from "@/lib/rate-limit/client-address";
import { createSandboxRunner } from "@/lib/sandbox/create-sandbox-runner";

async function main(): Promise<void> {
  // Next reads .env only inside app.prepare(); our own modules need it before that. Variables
  // already set in the environment win.
  if (existsSync(".env")) process.loadEnvFile?.(".env"); // Node >= 20.12; older Node relies on --env-file
  const env = getEnv();
  // next-auth reads these itself at request time: make them agree with what the sockets use.
  process.env.NEXTAUTH_SECRET = env.NEXTAUTH_SECRET;
  process.env.NEXTAUTH_URL = env.NEXTAUTH_URL;
  const dev = env.NODE_ENV !== "production";
  const publicUrl = new URL(env.NEXTAUTH_URL);

  const httpServer = createServer();
  const app = next({ dev, hostname: publicUrl.hostname, port: env.PORT, dir: process.cwd(), httpServer });
  const handle = app.getRequestHandler();
  await app.prepare();

  // Sign-in/sign-up limits, shared by every node through Redis when it is configured.
  const authLimits = createAuthRateLimiters({
    redisUrl: env.REDIS_URL,
    signIn: { limit: env.SIGN_IN_RATE_LIMIT, windowMs: env.SIGN_IN_RATE_WINDOW_MS },
    signUp: { limit: env.SIGN_UP_RATE_LIMIT, windowMs: env.SIGN_UP_RATE_WINDOW_MS },
  });
  setAuthRateLimiters(authLimits.limiters);

  // Next's handler first: socket.io wraps the existing "request" listeners and keeps /socket.io/.
  // Route handlers and next-auth cannot see the socket: stamp the client address for them.
  httpServer.on("request", (req, res) => {
    stampClientAddress(req, env.TRUST_PROXY);
    void handle(req, res);
  });
  let live: LiveClass | undefined;
  const realtime = await createRealtimeServer(httpServer, {
    authenticate: createSocketAuthenticator({ secret: env.NEXTAUTH_SECRET, secureCookie: publicUrl.protocol === "https:" }),
    canAccessClass,
    redisUrl: env.REDIS_URL,
    allowedOrigins: [publicUrl.origin],
    onClassRoomJoined: (classId) => live?.onClassRoomJoined(classId),
  });
  live = await startLiveClass(realtime.io);
  const liveClass = live;

  const runner = createSandboxRunner({ mode: env.SANDBOX, poolSize: env.SANDBOX_POOL_SIZE, uidBase: env.SANDBOX_UID_BASE });
  const grading = await startGrading({
    runner,
    redisUrl: env.REDIS_URL,
    gradeHere: env.GRADING_WORKER !== "off",
    concurrency: env.SANDBOX_POOL_SIZE,
    deliver: (event) => liveClass.onGraded(event),
    staleAfterMs: env.GRADING_STALE_AFTER_MS,
    submitsPerMinute: env.SUBMIT_RATE_LIMIT,
    runsPerMinute: env.RUN_RATE_LIMIT,
  });
  setGradingServices(grading.services);

  await new Promise<void>((resolve) => httpServer.listen(env.PORT, env.HOSTNAME, resolve));
  console.log(`> Interleave ready on ${env.NEXTAUTH_URL} (${dev ? "development" : "production"}, ${env.databaseProvider})`);
  // In dev Next attaches its HMR websocket listener on the first HTTP request; without this,
  // socket.io's engine would answer (and close) /_next/hmr upgrades first.
  if (dev) await fetch(`http://127.0.0.1:${env.PORT}/api/health`).catch(() => undefined);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`> ${signal}: shutting down`);
    setTimeout(() => process.exit(1), 10_000).unref();
    void grading
      .stop()
      .then(() => authLimits.close())
      .then(() => runner.close())
      .then(() => liveClass.stop())
      .then(() => realtime.close())
      .then(() => new Promise<void>((resolve) => httpServer.close(() => resolve())))
      .then(() => app.close())
      .finally(() => process.exit(0));
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  console.error("Interleave failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
