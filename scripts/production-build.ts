/**
 * Shared by the test helpers and the benchmarks: make sure the production build (`.next` and
 * `dist/server.js`) is newer than every source file, building it with `npm run build` otherwise.
 * A directory lock serialises builds, because vitest may start integration and e2e files together.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "..");

const BUILD_INPUT = /\.(tsx?|m?js|json|css)$/;
const SOURCE_ROOTS = [
  "app",
  "lib",
  "i18n",
  "messages",
  "server.ts",
  "next.config.js",
  "postcss.config.mjs",
  "generated",
];
const BUILD_ID = path.join(REPO_ROOT, ".next/BUILD_ID");
const BUNDLE = path.join(REPO_ROOT, "dist/server.js");

/** Returns whether it had to build. */
export function ensureProductionBuild(log: (message: string) => void = () => undefined): boolean {
  if (isFresh()) return false;
  return withBuildLock(() => {
    // Another process may have built while we waited for the lock.
    if (isFresh()) return false;
    log("building (npm run build)…");
    const result = spawnSync("bash", ["scripts/build.sh"], {
      cwd: REPO_ROOT,
      encoding: "utf8",
      env: { ...process.env, NODE_ENV: "production" },
    });
    if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
    return true;
  });
}

/** A port the OS just handed out, for a server started right after. */
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

function isFresh(): boolean {
  const builtAt = Math.min(mtime(BUILD_ID), mtime(BUNDLE));
  return builtAt > 0 && newestSourceMtime() <= builtAt;
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

function withBuildLock<T>(build: () => T): T {
  const lock = path.join(REPO_ROOT, ".next-build.lock");
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`build lock ${lock} is held for too long; remove it if no build runs`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    return build();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
