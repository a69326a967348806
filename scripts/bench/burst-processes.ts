/**
 * The processes of the burst benchmark: the production build (reused when fresh), the real server
 * (`node dist/server.js`) on an ephemeral port, and optionally extra `scripts/worker.ts` graders.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");

export interface Child {
  name: string;
  process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

const BUILD_INPUT = /\.(tsx?|m?js|json|css)$/;
const SOURCE_ROOTS = ["app", "lib", "i18n", "messages", "server.ts", "next.config.js", "postcss.config.mjs", "generated"];

/** Runs `npm run build` unless .next and dist/server.js are newer than every source file. */
export function ensureProductionBuild(log: (message: string) => void): void {
  const builtAt = Math.min(mtime(path.join(REPO_ROOT, ".next/BUILD_ID")), mtime(path.join(REPO_ROOT, "dist/server.js")));
  if (builtAt > 0 && newestSourceMtime() <= builtAt) {
    log("reusing the production build");
    return;
  }
  log("building (npm run build)…");
  const result = spawnSync("bash", ["scripts/build.sh"], { cwd: REPO_ROOT, encoding: "utf8", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
}

function newestSourceMtime(): number {
  let newest = 0;
  const visit = (target: string) => {
    const stat = fs.statSync(target, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isFile()) {
      if (BUILD_INPUT.test(target) && !/\.test\.tsx?$/.test(target)) newest = Math.max(newest, stat.mtimeMs);
      return;
    }
    for (const entry of fs.readdirSync(target)) if (entry !== "node_modules") visit(path.join(target, entry));
  };
  for (const root of SOURCE_ROOTS) visit(path.join(REPO_ROOT, root));
  return newest;
}

function mtime(file: string): number {
  return fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function startChild(name: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return {
    name,
    process: child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
        child.once("exit", () => {
          clearTimeout(force);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}

/** The real production server; resolves once /api/health answers. */
export async function startServer(env: NodeJS.ProcessEnv, url: string): Promise<Child> {
  // e.g. BURST_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to see where the server's time goes.
  const nodeArgs = (process.env.BURST_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const server = startChild("server", [...nodeArgs, "dist/server.js"], env);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.process.exitCode !== null) throw new Error(`the server exited with ${server.process.exitCode}:\n${server.output()}`);
    const status = await fetch(`${url}/api/health`).then((r) => r.status, () => 0);
    if (status === 200 || status === 503) return server;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  await server.stop();
  throw new Error(`the server did not answer within 60 s:\n${server.output()}`);
}

/** One more grader (`npm run worker`), run as `node --import tsx` so a stop reaches the real process. */
export async function startWorker(env: NodeJS.ProcessEnv): Promise<Child> {
  const worker = startChild("worker", ["--import", "tsx", "scripts/worker.ts"], env);
  const deadline = Date.now() + 60_000;
  while (!/grading with/.test(worker.output())) {
    if (worker.process.exitCode !== null) throw new Error(`the worker exited with ${worker.process.exitCode}:\n${worker.output()}`);
    if (Date.now() > deadline) throw new Error(`the worker did not start within 60 s:\n${worker.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return worker;
}
