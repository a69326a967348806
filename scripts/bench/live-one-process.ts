/**
 * `npx tsx scripts/bench/live-one-process.ts [--students 1000] [--runs 1]`
 *
 * The default one-process topology (`npm start`: Next, the API, the database client and the
 * sockets in one node process) has a floor bench:live cannot show, since it measures the realtime
 * server alone: what the production server costs before the first socket. This starts
 * `dist/server.js` exactly as scripts/start.sh does (plain node, `--max-semi-space-size=8`,
 * `MALLOC_ARENA_MAX=2`) on a fresh SQLite database, loads a few pages and API routes so Next's
 * route code is in, and reads its RSS; in the same run, a bare socket.io server (bench:live's)
 * holding N websocket clients. If the first is above 1.5× the second, no per-socket saving can make
 * the one-process topology meet issue 10's RSS target at N students: the fan-out node is the
 * topology for large classes (README).
 */
import { fork, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import { io as connect, type Socket } from "socket.io-client";
import { REPO_ROOT, ensureProductionBuild, freePort } from "../production-build";
import { createBenchDatabase } from "./burst-setup";
import { bundle } from "./live-bundle";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mib = (kib: number) => Math.round(kib / 102.4) / 10;

/** VmRSS and VmHWM (peak) of a process, in KiB, from /proc. */
function rssOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { rss: field("VmRSS"), peak: field("VmHWM") };
}

async function productionServer(): Promise<{ idle: number; warm: number; peak: number }> {
  const database = await createBenchDatabase("sqlite");
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ["--max-semi-space-size=8", "dist/server.js"], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      MALLOC_ARENA_MAX: "2",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: randomBytes(24).toString("base64url"),
      DATABASE_URL: database.url,
      REDIS_URL: "",
      LOG_LEVEL: "warn",
    },
  });
  try {
    for (let tries = 0; ; tries += 1) {
      if (tries > 600) throw new Error("the production server did not answer /api/health in 60 s");
      const ok = await fetch(`${url}/api/health`).then(
        (response) => response.status === 200,
        () => false,
      );
      if (ok) break;
      await sleep(100);
    }
    await sleep(2_000);
    const idle = rssOf(child.pid ?? 0).rss;
    // What a lesson's first minute touches: the public pages, sign-in, the API's JSON answers.
    for (let round = 0; round < 3; round += 1)
      for (const route of ["/", "/signin", "/signup", "/api/health", "/api/classes", "/classes"])
        await fetch(`${url}${route}`, { redirect: "manual" }).then((response) => response.arrayBuffer());
    await sleep(2_000);
    const warm = rssOf(child.pid ?? 0);
    return { idle, warm: warm.rss, peak: warm.peak };
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    await database.drop();
  }
}

async function bareServer(students: number): Promise<number> {
  const script = bundle("live-server.ts", "bench-live-server.js");
  const child = fork(script, ["bare", String(students)], {
    execArgv: [],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const ready = await new Promise<{ port: number }>((resolve) =>
    child.on("message", (message: { type: string; port: number }) => message.type === "ready" && resolve(message)),
  );
  const sockets: Socket[] = [];
  for (let i = 0; i < students; i += 1) {
    sockets.push(
      connect(`http://127.0.0.1:${ready.port}`, { transports: ["websocket"], forceNew: true, reconnection: false }),
    );
    if (i % 50 === 49) await sleep(20);
  }
  await Promise.all(
    sockets.map((s) => (s.connected ? undefined : new Promise<void>((resolve) => s.once("connect", () => resolve())))),
  );
  // A few broadcasts, as bench:live's bare side sends.
  for (let i = 0; i < 10; i += 1) {
    child.send({ type: "verdict", index: i });
    await sleep(250);
  }
  await sleep(1_000);
  const peak = rssOf(child.pid ?? 0).peak;
  for (const socket of sockets) socket.disconnect();
  child.kill("SIGTERM");
  return peak;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const value = (name: string, fallback: string) => argv[argv.indexOf(name) + 1] ?? fallback;
  const students = Number(argv.includes("--students") ? value("--students", "1000") : "1000");
  const runs = Number(argv.includes("--runs") ? value("--runs", "1") : "1");
  ensureProductionBuild((message) => console.error(message));
  console.log(
    `load average before: ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(" ")}`,
  );
  console.log(
    `| run | npm start, idle RSS MiB | after pages RSS MiB | its peak | bare socket.io, ${students} clients, peak RSS MiB | npm start idle / bare |`,
  );
  console.log("| --- | --- | --- | --- | --- | --- |");
  for (let run = 1; run <= runs; run += 1) {
    const server = await productionServer();
    const bare = await bareServer(students);
    console.log(
      `| ${run} | ${mib(server.idle)} | ${mib(server.warm)} | ${mib(server.peak)} | ${mib(bare)} | ${(server.idle / bare).toFixed(2)}× |`,
    );
  }
  console.log(
    `load average after: ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(" ")}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
