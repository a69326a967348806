/**
 * `npm run bench:live [-- --json] [--sizes 500,1000,2000] [--verdicts 40] [--rate 4] [--no-write]`
 *
 * N connected students on loopback (websocket clients in this process), a stream of verdicts at
 * `--rate` per second, each a real grading commit on the Interleave server process; measured per
 * verdict: from the commit to EVERY client having the `leaderboard:update` that carries it
 * (p50/p95), messages per second received, and the server's peak RSS — side by side with a bare
 * socket.io server broadcasting a payload of the same shape to the same number of clients in the
 * same run. Target at 1000 students: p95 ≤ 1.5× bare, RSS ≤ 1.5× bare.
 */
import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";
import { io as connect, type Socket } from "socket.io-client";
import type { LeaderboardUpdatePayload } from "@/lib/realtime/events";
import { percentile, round } from "./burst-report";

interface Args {
  json: boolean;
  sizes: number[];
  verdicts: number;
  rate: number;
  write: boolean;
}

interface Figures {
  p50Ms: number;
  p95Ms: number;
  messagesPerSec: number;
  rssMiB: number;
}

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
  return { json: argv.includes("--json"), sizes, verdicts, rate, write: !argv.includes("--no-write") };
}

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The server side bundled the way `npm run build` bundles server.ts (esbuild, packages external)
 * and run by plain node, as in production: under tsx every TypeScript module of lib/ would be
 * compiled in the measured process and its source map kept, which only the Interleave side pays
 * (the bare server imports socket.io alone). In dist/ (git-ignored), one level below the repository,
 * so the bundle's `__dirname`-relative paths still find content/ and prisma/.
 */
function bundleServer(): string {
  const outfile = path.join(__dirname, "..", "..", "dist", "bench-live-server.js");
  buildSync({
    entryPoints: [path.join(__dirname, "live-server.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    packages: "external",
    target: "node20",
    outfile,
    logLevel: "warning",
  });
  return outfile;
}

let serverScript = "";

/** Seeds the class in a throw-away process, so the server's RSS is that of serving only. */
async function seedClass(students: number): Promise<string[]> {
  const child = fork(serverScript, ["seed", String(students)], {
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

async function startServerProcess(mode: "interleave" | "bare", students: number) {
  const seeded = mode === "interleave" ? await seedClass(students) : [];
  const child: ChildProcess = fork(serverScript, [mode, String(students), ...seeded], {
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const ready = await new Promise<{ port: number; classId: string; userIds: string[] }>((resolve, reject) => {
    child.on(
      "message",
      (message: { type: string; port: number; classId: string; userIds: string[] }) =>
        message.type === "ready" && resolve(message),
    );
    child.once("exit", (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });
  return { child, ...ready };
}

async function measure(mode: "interleave" | "bare", students: number, args: Args): Promise<Figures> {
  const server = await startServerProcess(mode, students);
  const arrivals = new Map<string, number[]>();
  let messages = 0;
  const sockets: Socket[] = [];
  for (let i = 0; i < students; i += 1) {
    const seen = new Set<string>();
    const socket = connect(`http://127.0.0.1:${server.port}`, {
      transports: ["websocket"],
      forceNew: true,
      reconnection: false,
      query: { uid: server.userIds[i] },
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
  if (mode === "interleave") {
    await Promise.all(
      sockets.map(
        (socket) =>
          new Promise<void>((resolve) => socket.emit("class:join-room", { classId: server.classId }, () => resolve())),
      ),
    );
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
  const rss = await new Promise<number>((resolve) => {
    server.child.on(
      "message",
      (message: { type: string; rss: number }) => message.type === "rss" && resolve(message.rss),
    );
    server.child.send({ type: "rss" });
  });
  for (const socket of sockets) socket.disconnect();
  server.child.kill("SIGTERM");
  return {
    p50Ms: round(percentile(latencies, 50), 1),
    p95Ms: round(percentile(latencies, 95), 1),
    messagesPerSec: round(messages / wallSeconds),
    rssMiB: round(rss / 1024 / 1024),
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  serverScript = bundleServer();
  const results: Record<
    string,
    Figures & { bareP50Ms: number; bareP95Ms: number; bareRssMiB: number; bareMessagesPerSec: number }
  > = {};
  for (const students of args.sizes) {
    const bare = await measure("bare", students, args);
    const ours = await measure("interleave", students, args);
    results[String(students)] = {
      ...ours,
      bareP50Ms: bare.p50Ms,
      bareP95Ms: bare.p95Ms,
      bareRssMiB: bare.rssMiB,
      bareMessagesPerSec: bare.messagesPerSec,
    };
    if (!args.json) console.error(`[bench] ${students} students done`);
  }
  const table = formatTable(results, args);
  if (args.json) console.log(JSON.stringify(results));
  else console.log(table);
  if (args.write) writeSection(table, args);
}

function formatTable(
  results: Record<
    string,
    Figures & { bareP50Ms: number; bareP95Ms: number; bareRssMiB: number; bareMessagesPerSec: number }
  >,
  args: Args,
): string {
  const rows = Object.entries(results).map(([n, f]) => {
    const met = f.p95Ms <= 1.5 * f.bareP95Ms && f.rssMiB <= 1.5 * f.bareRssMiB;
    return `| ${n} | ${f.p50Ms} | ${f.p95Ms} | ${f.bareP50Ms} | ${f.bareP95Ms} | ${f.messagesPerSec} | ${f.bareMessagesPerSec} | ${f.rssMiB} | ${f.bareRssMiB} | ${n === "1000" ? (met ? "met" : "MISSED") : met ? "within" : "over"} |`;
  });
  return [
    `${args.verdicts} verdicts at ${args.rate}/s per size; latency = verdict commit → every client has the update.`,
    "",
    "| students | p50 ms | p95 ms | bare p50 | bare p95 | msgs/s | bare msgs/s | RSS MiB | bare RSS MiB | target (1000: p95, RSS ≤ 1.5× bare) |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

function writeSection(table: string, args: Args): void {
  const file = path.join(process.cwd(), "docs/performance.md");
  const start = "<!-- bench:live:start -->";
  const end = "<!-- bench:live:end -->";
  const command = `npm run bench:live -- --sizes ${args.sizes.join(",")} --verdicts ${args.verdicts} --rate ${args.rate}`;
  const block = [start, `Latest run ${new Date().toISOString().slice(0, 10)}, \`${command}\`:`, "", table, end].join(
    "\n",
  );
  const text = fs.readFileSync(file, "utf8");
  const next = text.includes(start)
    ? text.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block)
    : `${text.trimEnd()}\n\n## Live class fan-out\n\n${block}\n`;
  fs.writeFileSync(file, next);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
