/**
 * `npm run bench:live [-- --json] [--sizes 500,1000,2000] [--verdicts 40] [--rate 4] [--no-write]
 *   [--topology fanout,in-process]`
 *
 * N connected students on loopback (websocket clients in this process), a stream of verdicts at
 * `--rate` per second, each a real grading commit on the Interleave server process; measured per
 * verdict: from the commit to EVERY client having the `leaderboard:update` that carries it
 * (p50/p95), messages per second received, and the server's peak RSS — side by side with a bare
 * socket.io server broadcasting a payload of the same shape to the same number of clients in the
 * same run. Target at 1000 students: p95 ≤ 1.5× bare, RSS ≤ 1.5× bare.
 *
 * Topologies: `in-process` (the default README run: one process holds the sockets and the database)
 * and `fanout` (the students' sockets on a fan-out node admitted by signed tickets, the app node
 * committing verdicts and emitting through Redis at BENCH_LIVE_REDIS_URL, default
 * redis://127.0.0.1:6379). RSS is that of the process holding the sockets; the app node's RSS is
 * reported beside it.
 */
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { io as connect, type Socket } from "socket.io-client";
import type { LeaderboardUpdatePayload } from "@/lib/realtime/events";
import { percentile, round } from "./burst-report";
import { bundle } from "./live-bundle";
import {
  formatLiveTable,
  writeLiveSection,
  type LiveArgs as Args,
  type LiveFigures as Figures,
  type LiveResult,
} from "./live-report";

type Mode = "bare" | "interleave" | "fanout";

function parseArgs(argv: string[]): Args {
  const value = (name: string, fallback: string) => {
    const index = argv.indexOf(name);
    return index === -1 ? fallback : (argv[index + 1] ?? fallback);
  };
  const sizes = value("--sizes", "500,1000,2000").split(",").map(Number);
  const verdicts = Number(value("--verdicts", "40"));
  const rate = Number(value("--rate", "4"));
  if (sizes.some((n) => !(n > 0)) || !(verdicts > 0) || !(rate > 0))
    throw new Error("--sizes, --verdicts and --rate need positive numbers");
  const topologies = value("--topology", "fanout,in-process").split(",");
  if (topologies.some((t) => t !== "fanout" && t !== "in-process"))
    throw new Error("--topology takes fanout and/or in-process");
  return {
    json: argv.includes("--json"),
    sizes,
    verdicts,
    rate,
    write: !argv.includes("--no-write"),
    topologies: topologies as Args["topologies"],
  };
}

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let serverScript = "";
let fanoutScript = "";
const redisUrl = process.env.BENCH_LIVE_REDIS_URL ?? "redis://127.0.0.1:6379";

/**
 * How the measured servers run: plain node on the bundled JS, never through this script's tsx
 * loader (fork() passes the parent's execArgv on by default: `--require tsx/preflight --import
 * tsx/loader`, which cost every server ~38 MiB of RSS and made the ratios meaningless). Interleave's
 * servers get the flags and environment `npm start`, `npm run fanout` and the Docker image use
 * (scripts/start.sh); the bare server runs as anyone would run a bare socket.io server, unless
 * BENCH_LIVE_BARE_TUNED=1 gives it the same flags (to see how much of the gap they close).
 */
const PRODUCTION_NODE_FLAGS = ["--max-semi-space-size=8"];
const PRODUCTION_NODE_ENV = { MALLOC_ARENA_MAX: "2" };
function runAs(mode: "bare" | "interleave", env: NodeJS.ProcessEnv = process.env) {
  const tuned = mode === "interleave" || process.env.BENCH_LIVE_BARE_TUNED === "1";
  return {
    execArgv: tuned ? PRODUCTION_NODE_FLAGS : [],
    env: tuned ? { ...env, ...PRODUCTION_NODE_ENV } : env,
  };
}

/** Seeds the class in a throw-away process, so the server's RSS is that of serving only. */
async function seedClass(students: number): Promise<string[]> {
  const child = fork(serverScript, ["seed", String(students)], {
    execArgv: [],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const seeded = await new Promise<{ url: string; classId: string; exerciseId: string }>((resolve, reject) => {
    child.on("message", (message: { type: string; url: string; classId: string; exerciseId: string }) => {
      if (message.type === "seeded") resolve(message);
    });
    child.once("exit", (code) => reject(new Error(`seeding exited with ${code}`)));
  });
  child.kill("SIGTERM");
  return [seeded.url, seeded.classId, seeded.exerciseId];
}

interface Ready {
  port: number;
  classId: string;
  userIds: string[];
  tickets?: { connect: string; room: string }[];
}

function forkReady(
  script: string,
  args: string[],
  run: { execArgv: string[]; env: NodeJS.ProcessEnv },
): Promise<{ child: ChildProcess } & Ready> {
  const child: ChildProcess = fork(script, args, { stdio: ["ignore", "ignore", "inherit", "ipc"], ...run });
  return new Promise((resolve, reject) => {
    child.on(
      "message",
      (message: { type: string } & Ready) => message.type === "ready" && resolve({ child, ...message }),
    );
    child.once("exit", (code) => reject(new Error(`${args[0] ?? "fan-out"} server exited with ${code}`)));
  });
}

/**
 * `verdicts`: the process that commits verdicts; `sockets`: the one the clients connect to (the
 * same process except in the fan-out topology, where the fan-out node holds them).
 */
async function startServers(mode: Mode, students: number) {
  if (mode === "bare") {
    const bare = await forkReady(serverScript, ["bare", String(students)], runAs("bare"));
    return { verdicts: bare.child, sockets: bare.child, ready: bare };
  }
  const seeded = await seedClass(students);
  if (mode === "interleave") {
    const one = await forkReady(serverScript, ["interleave", String(students), ...seeded], runAs("interleave"));
    return { verdicts: one.child, sockets: one.child, ready: one };
  }
  const env = {
    ...process.env,
    BENCH_LIVE_REDIS_URL: redisUrl,
    BENCH_LIVE_REDIS_KEY: `bench-live-${process.pid}-${Date.now()}`,
    BENCH_LIVE_SECRET: randomBytes(24).toString("base64url"),
  };
  const fanout = await forkReady(fanoutScript, [], runAs("interleave", env));
  const app = await forkReady(serverScript, ["app", String(students), ...seeded], runAs("interleave", env));
  return { verdicts: app.child, sockets: fanout.child, ready: { ...app, port: fanout.port } };
}

function askRss(child: ChildProcess): Promise<number> {
  return new Promise<number>((resolve) => {
    child.on("message", (message: { type: string; rss: number }) => message.type === "rss" && resolve(message.rss));
    child.send({ type: "rss" });
  });
}

async function measure(mode: Mode, students: number, args: Args): Promise<Figures> {
  const servers = await startServers(mode, students);
  const server = { ...servers.ready, child: servers.verdicts };
  const arrivals = new Map<string, number[]>();
  let messages = 0;
  const sockets: Socket[] = [];
  for (let i = 0; i < students; i += 1) {
    const seen = new Set<string>();
    const socket = connect(`http://127.0.0.1:${server.port}`, {
      transports: ["websocket"],
      forceNew: true,
      reconnection: false,
      // Fan-out: the connection ticket the browser gets from GET /api/realtime/ticket.
      ...(server.tickets ? { auth: { ticket: server.tickets[i].connect } } : { query: { uid: server.userIds[i] } }),
    });
    socket.on("leaderboard:update", (payload: LeaderboardUpdatePayload) => {
      const at = now();
      messages += 1;
      // The update that carries a verdict is the first where that student has solved it.
      for (const entry of payload.entries) {
        if (entry.solved < 1 || seen.has(entry.userId)) continue;
        seen.add(entry.userId);
        const list = arrivals.get(entry.userId) ?? [];
        list.push(at);
        arrivals.set(entry.userId, list);
      }
    });
    sockets.push(socket);
    if (i % 50 === 49) await sleep(20);
  }
  await Promise.all(
    sockets.map((socket) =>
      socket.connected ? undefined : new Promise<void>((resolve) => socket.once("connect", () => resolve())),
    ),
  );
  if (mode !== "bare") {
    let refused = 0;
    await Promise.all(
      sockets.map(
        (socket, i) =>
          new Promise<void>((resolve) =>
            socket.emit(
              "class:join-room",
              { classId: server.classId, ticket: server.tickets?.[i].room },
              (reply: { ok: boolean }) => {
                if (!reply.ok) refused += 1;
                resolve();
              },
            ),
          ),
      ),
    );
    if (refused > 0) throw new Error(`${refused} of ${students} joins were refused`);
  }
  await sleep(500);
  messages = 0;
  const committed = new Map<string, number>();
  server.child.on("message", (message: { type: string; userId: string; committedAt: number; message?: string }) => {
    if (message.type === "committed") committed.set(message.userId, message.committedAt);
    if (message.type === "error") console.error(`[bench] ${message.message}`);
  });
  // One warm-up verdict (the last student) so first-query costs are not measured.
  server.child.send({ type: "verdict", index: students - 1 });
  await sleep(1_000);
  committed.clear();
  const started = now();
  const count = Math.min(args.verdicts, students - 1);
  for (let i = 0; i < count; i += 1) {
    server.child.send({ type: "verdict", index: i });
    await sleep(1000 / args.rate);
  }
  const deadline = Date.now() + 15_000;
  while (
    Date.now() < deadline &&
    [...committed.keys()].some((userId) => (arrivals.get(userId)?.length ?? 0) < students)
  )
    await sleep(50);
  const wallSeconds = (now() - started) / 1000;
  const latencies = [...committed].map(([userId, at]) => {
    const list = arrivals.get(userId) ?? [];
    return list.length < students ? Number.POSITIVE_INFINITY : Math.max(...list) - at;
  });
  const rss = await askRss(servers.sockets);
  const appRss = servers.sockets === servers.verdicts ? undefined : await askRss(servers.verdicts);
  for (const socket of sockets) socket.disconnect();
  servers.sockets.kill("SIGTERM");
  servers.verdicts.kill("SIGTERM");
  return {
    p50Ms: round(percentile(latencies, 50), 1),
    p95Ms: round(percentile(latencies, 95), 1),
    messagesPerSec: round(messages / wallSeconds),
    rssMiB: round(rss / 1024 / 1024),
    ...(appRss === undefined ? {} : { appRssMiB: round(appRss / 1024 / 1024) }),
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const load = os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
  serverScript = bundle("live-server.ts", "bench-live-server.js");
  fanoutScript = bundle("live-fanout-server.ts", "bench-live-fanout.js");
  const results: Record<string, LiveResult> = {};
  for (const students of args.sizes) {
    const bare = await measure("bare", students, args);
    const fanout = args.topologies.includes("fanout") ? await measure("fanout", students, args) : undefined;
    const inProcess = args.topologies.includes("in-process") ? await measure("interleave", students, args) : undefined;
    const headline = fanout ?? inProcess;
    if (!headline) throw new Error("no topology to measure");
    results[String(students)] = {
      ...headline,
      topology: fanout ? "fanout" : "in-process",
      bareP50Ms: bare.p50Ms,
      bareP95Ms: bare.p95Ms,
      bareRssMiB: bare.rssMiB,
      bareMessagesPerSec: bare.messagesPerSec,
      ...(fanout && inProcess ? { inProcess } : {}),
    };
    if (!args.json) console.error(`[bench] ${students} students done`);
  }
  const table = formatLiveTable(results, args);
  if (args.json) console.log(JSON.stringify(results));
  else console.log(`load average before: ${load}\n\n${table}`);
  if (args.write) writeLiveSection(table, args, load);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
