/**
 * Composition root: one HTTP port serving Next.js and socket.io together. Everything with logic
 * lives in lib/; this file only wires it up in the order the stack needs (see stack-notes).
 */
// First: remembers a SIGTERM that comes while the rest loads (see the module).
import { takeOverEarlySignal } from "@/lib/runtime/early-signal-guard";
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import next from "next";
import { getEnv } from "@/lib/config/env";
import { createSocketAuthenticator } from "@/lib/realtime/authenticate-socket";
import { createClassRoomAccessLookup } from "@/lib/auth/create-class-room-access-lookup";
import { createClassJoinAuthorizer } from "@/lib/realtime/authorize-class-join";
import { createRoomRevocations } from "@/lib/realtime/room-revocations";
import { createRealtimeServer } from "@/lib/realtime/create-realtime-server";
import { startLiveClass, type LiveClass } from "@/lib/realtime/start-live-class";
import { setAuthRateLimiters, signInThrottleOptions } from "@/lib/auth/auth-rate-limiters";
import { createAuthRateLimiters } from "@/lib/auth/create-auth-rate-limiters";
import { setGradingServices } from "@/lib/grading/grading-services";
import { startGrading } from "@/lib/grading/start-grading";
import { createRequestHandler } from "@/lib/http/create-request-handler";
import { getLogger } from "@/lib/observability/logger";
import { drainConnections, onShutdownSignal } from "@/lib/runtime/on-shutdown-signal";
import { createSandboxRunner } from "@/lib/sandbox/create-sandbox-runner";

/**
 * The shutdown sequence is installed before start-up begins: a SIGTERM while Next prepares (seconds
 * on a busy machine) used to kill the process by the default action, possibly with a grading job
 * in hand. Now it lets start-up reach a stopping point, closes whatever exists, and exits 0.
 */
let stopRequested = false;
let startUp: Promise<void> = Promise.resolve();
const started: {
  httpServer?: Server;
  httpClosed?: Promise<void>;
  listening?: boolean;
  app?: { close(): Promise<void> };
  live?: LiveClass;
  realtime?: { close(): Promise<void> };
  grading?: { stop(): Promise<void> };
  runner?: { close(): Promise<void> };
  authLimits?: { close(): Promise<void> | void };
} = {};
const log = getLogger("server");

// SIGTERM: stop accepting, let sockets reconnect elsewhere, finish the grading jobs in hand
// (queued ones stay QUEUED in the database for the next start), finish in-flight requests, exit 0.
const shutdown = onShutdownSignal({
  log,
  steps: [
    {
      name: "start-up: reach a stopping point",
      run: () => {
        stopRequested = true;
        return startUp.catch(() => undefined);
      },
    },
    { name: "stop accepting connections", run: () => void (started.listening && started.httpServer?.close()) },
    { name: "live class", run: () => started.live?.stop() },
    { name: "sockets: reconnect elsewhere", run: () => started.realtime?.close() },
    { name: "grading: finish running jobs", run: () => started.grading?.stop() },
    { name: "sandbox pool", run: () => started.runner?.close() },
    { name: "rate limiters", run: () => started.authLimits?.close() },
    {
      name: "in-flight requests",
      run: () =>
        started.listening && started.httpServer && started.httpClosed
          ? drainConnections(started.httpServer, started.httpClosed)
          : undefined,
    },
    { name: "next", run: () => started.app?.close() },
  ],
});

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
  started.httpServer = httpServer;
  started.httpClosed = new Promise<void>((resolve) => httpServer.once("close", () => resolve()));
  const app = next({ dev, hostname: publicUrl.hostname, port: env.PORT, dir: process.cwd(), httpServer });
  started.app = app;
  const handle = app.getRequestHandler();
  await app.prepare();
  if (stopRequested) return;

  // Sign-in/sign-up limits, shared by every node through Redis when it is configured.
  const authLimits = createAuthRateLimiters({
    redisUrl: env.REDIS_URL,
    signIn: signInThrottleOptions(env),
    signUp: { limit: env.SIGN_UP_RATE_LIMIT, windowMs: env.SIGN_UP_RATE_WINDOW_MS },
  });
  started.authLimits = authLimits;
  setAuthRateLimiters(authLimits.limiters);

  // Next's handler first: socket.io wraps the existing "request" listeners and keeps /socket.io/.
  // Request ids, logs, security headers, the client address stamp and /metrics wrap Next.
  const https = publicUrl.protocol === "https:";
  httpServer.on(
    "request",
    createRequestHandler({ handle, trustProxy: env.TRUST_PROXY, dev, https, metricsToken: env.METRICS_TOKEN }),
  );
  let live: LiveClass | undefined;
  const revocations = createRoomRevocations();
  const roomAccess = createClassRoomAccessLookup();
  const realtime = await createRealtimeServer(httpServer, {
    authenticate: createSocketAuthenticator({ secret: env.NEXTAUTH_SECRET, secureCookie: https }),
    // A room ticket, else an access query (the handshake already read the user), one per burst of joins.
    authorizeJoin: createClassJoinAuthorizer({
      secret: env.NEXTAUTH_SECRET,
      revocations,
      lookup: ({ user, classId }) => roomAccess({ actor: user, classId }),
    }),
    revocations,
    redisUrl: env.REDIS_URL,
    redisKey: env.REALTIME_REDIS_KEY,
    allowedOrigins: [publicUrl.origin],
    onClassRoomJoined: (classId) => live?.onClassRoomJoined(classId),
  });
  started.realtime = realtime;
  // With fan-out nodes (REALTIME_URL) the browsers' sockets are there: send through Redis. Only
  // this app node emits a class's feed then (docs/architecture.md: one app node per deployment).
  live = await startLiveClass(realtime.io, { acrossNodes: env.REALTIME_URL !== undefined });
  started.live = live;
  const liveClass = live;
  if (stopRequested) return;

  const runner = createSandboxRunner({
    mode: env.SANDBOX,
    poolSize: env.SANDBOX_POOL_SIZE,
    uidBase: env.SANDBOX_UID_BASE,
  });
  started.runner = runner;
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
  started.grading = grading;
  setGradingServices(grading.services);
  if (stopRequested) return;

  await new Promise<void>((resolve) => httpServer.listen(env.PORT, env.HOSTNAME, resolve));
  started.listening = true;
  log.info(
    { url: env.NEXTAUTH_URL, mode: dev ? "development" : "production", database: env.databaseProvider },
    `> Interleave ready on ${env.NEXTAUTH_URL}`,
  );
  // In dev Next attaches its HMR websocket listener on the first HTTP request; without this,
  // socket.io's engine would answer (and close) /_next/hmr upgrades first.
  if (dev) await fetch(`http://127.0.0.1:${env.PORT}/api/health`).catch(() => undefined);
}

startUp = main();
// After main() started: a signal that came while loading waits for start-up like any other.
takeOverEarlySignal(shutdown);
startUp.catch((error: unknown) => {
  getLogger("server").fatal(
    { err: error instanceof Error ? error.message : String(error) },
    "Interleave failed to start",
  );
  console.error("Interleave failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
