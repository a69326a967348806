/**
 * Starts the real production server (`node dist/server.js`: Next + socket.io on one port) on an
 * ephemeral port against a fresh database (tests/helpers/db.ts; SQLite unless told otherwise). One server per test FILE (beforeAll/afterAll).
 * The production build is (re)made first when missing or older than the sources — a second dev
 * Next in the same folder would exit on Next's dev lock.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { DatabaseProvider } from "@/lib/db/database-url";
import { createTestDatabase } from "@/tests/helpers/db";
import { REPO_ROOT, ensureProductionBuild, freePort } from "@/scripts/production-build";

export interface TestServer {
  url: string;
  port: number;
  databaseUrl: string;
  secret: string;
  /** Everything the server printed, for assertions and failure messages. */
  output(): string;
  /** The server process (tests of signals and exit codes). */
  child: ChildProcess;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Extra environment for the server (e.g. REDIS_URL); empty values unset a variable. */
  env?: Record<string, string>;
  /** A fresh, migrated database of this provider (dropped on stop); SQLite by default. */
  provider?: DatabaseProvider;
  /** Share another server's database instead (two app nodes); not dropped on stop. */
  databaseUrl?: string;
}

export async function startTestServer(options: StartOptions = {}): Promise<TestServer> {
  ensureProductionBuild();
  const database = options.databaseUrl
    ? { url: options.databaseUrl, drop: async () => undefined }
    : await createTestDatabase(options.provider ?? "sqlite");
  // The port is free when picked but not reserved: another test's server (or an outgoing
  // connection) may take it before this one has loaded Next. Such a server exits with EADDRINUSE,
  // and then it is started again on another port.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startOnFreePort(database, options);
    } catch (error) {
      if (!(error instanceof PortTakenError) || attempt === 3) {
        await database.drop();
        throw error;
      }
    }
  }
}

class PortTakenError extends Error {}

async function startOnFreePort(
  database: { url: string; drop: () => Promise<void> },
  options: StartOptions,
): Promise<TestServer> {
  const databaseUrl = database.url;
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const secret = randomBytes(32).toString("base64url");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    NEXTAUTH_URL: url,
    NEXTAUTH_SECRET: secret,
    DATABASE_URL: databaseUrl,
    REDIS_URL: "",
    // The "ready" line (info) is how waitUntilServing knows this child, not another, is listening.
    LOG_LEVEL: "info",
    // Each server's sandbox slots get their own uids: RLIMIT_NPROC counts per uid machine-wide, and
    // the integration and e2e projects may run servers at the same time.
    SANDBOX_UID_BASE: String(sandboxUidBase(port)),
    ...options.env,
  };
  const child = spawn(process.execPath, ["dist/server.js"], { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  let stopping = false;
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  try {
    await waitUntilServing(url, child, () => output);
  } catch (error) {
    await stopChild(child);
    if (/EADDRINUSE/.test(output)) throw new PortTakenError(`port ${port} was taken`);
    throw error;
  }
  // A test that then sees "connection refused" learns here why its server went away.
  child.once("exit", (code, signal) => {
    // A clean exit 0 is a test's own SIGTERM (graceful-shutdown tests); anything else is a crash.
    if (!stopping && (code !== 0 || signal !== null))
      process.stderr.write(
        `[test server ${url}] exited unexpectedly (code ${code}, signal ${signal}):\n${output.slice(-3000)}\n`,
      );
  });
  return {
    url,
    port,
    databaseUrl,
    secret,
    output: () => output,
    child,
    stop: async () => {
      stopping = true;
      await stopChild(child);
      await database.drop();
    },
  };
}

/**
 * Serving means THIS child said it is ready and the port answers: a health answer alone could come
 * from another test's server that holds the same port while this one fails to bind.
 */
async function waitUntilServing(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    if (output().includes(`Interleave ready on ${url}`)) {
      try {
        const response = await fetch(`${url}/api/health`);
        if (response.status === 200 || response.status === 503) return;
      } catch {
        // ready was logged before the first accept; try again
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`server did not answer within 60 s:\n${output()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** 100000..132000: distinct per port, clear of the ranges the sandbox and grading tests pick. */
function sandboxUidBase(port: number): number {
  return 100_000 + (port % 2_000) * 16;
}
