/**
 * `npm run bench:burst [-- --json] [--students 300] [--window 5] [--workers 1|2] [--database sqlite|postgres] [--no-write]`
 *
 * A classroom burst through the REAL HTTP API: the production server on a fresh SQLite database
 * (or a throw-away PostgreSQL schema in BENCH_POSTGRES_URL with `--database postgres`),
 * N students each POST one submission within the window, and the run waits until every row has a
 * stored verdict. Without REDIS_URL the server grades in-process; with it, on BullMQ (Redis database
 * 9, so nothing else on that Redis is touched), and `--workers 2` adds one `npm run worker`.
 * Writes this configuration's figures to docs/performance.md ("Grading burst") unless --no-write.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import IORedis from "ioredis";
import { listSubmissionTimes, type SubmissionTimes } from "@/lib/db/submissions";
import { createSandboxRunner } from "@/lib/sandbox/create-sandbox-runner";
import { ensureProductionBuild, freePort } from "../production-build";
import { startServer, startWorker, type Child } from "./burst-processes";
import {
  formatTable,
  loadAverage,
  percentile,
  round,
  writePerformanceSection,
  type BurstFigures,
} from "./burst-report";
import { seedClassroom, type BenchDatabase, type Classroom } from "./burst-setup";
import { measurePageFaultCostUs } from "./page-fault-cost";

const SLUG = "05-create-task-concurrency";
const REDIS_DB = 9;
/** SANDBOX_UID_BASE moves the bench's sandbox uids (a shared machine gives each user its own range). */
const UID_ROOT = Number(process.env.SANDBOX_UID_BASE) || 63_000;
const UID_BASE = { server: UID_ROOT, worker: UID_ROOT + 30, baseline: UID_ROOT + 60 };
const VERDICT_TIMEOUT_MS = 180_000;

interface Args {
  json: boolean;
  students: number;
  window: number;
  workers: number;
  database: BenchDatabase;
  write: boolean;
}

function parseArgs(argv: string[]): Args {
  const value = (name: string, fallback: number) => {
    const index = argv.indexOf(name);
    const parsed = index === -1 ? fallback : Number(argv[index + 1]);
    if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`${name} needs a positive number`);
    return parsed;
  };
  const databaseIndex = argv.indexOf("--database");
  const database = databaseIndex === -1 ? "sqlite" : argv[databaseIndex + 1];
  if (database !== "sqlite" && database !== "postgres") throw new Error("--database is sqlite or postgres");
  const args = {
    json: argv.includes("--json"),
    students: Math.round(value("--students", 300)),
    window: value("--window", 5),
    workers: Math.round(value("--workers", 1)),
    database,
    write: !argv.includes("--no-write"),
  } as const;
  if (args.workers > 2) throw new Error("--workers is 1 or 2");
  return args;
}

const log = (message: string) => console.error(`[bench:burst] ${message}`);

/** Baseline in the same run: the warm pool's single-run latency for the solution. */
async function measureSandboxRun(code: string): Promise<number> {
  const runner = createSandboxRunner({ poolSize: 1, uidBase: UID_BASE.baseline });
  try {
    const latencies: number[] = [];
    for (let i = 0; i < 25; i += 1) {
      const started = performance.now();
      const result = await runner.run({ code, seed: 0 });
      if (result.status !== "ok")
        throw new Error(`the baseline run failed: ${result.status} ${result.notes.join("; ")}`);
      if (i >= 5) latencies.push(performance.now() - started);
    }
    return percentile(latencies, 50);
  } finally {
    await runner.close();
  }
}

function redisForBench(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${REDIS_DB}`;
  return parsed.toString();
}

async function clearRedis(url: string): Promise<void> {
  const client = new IORedis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = "0";
    do {
      const [next, keys] = await client.scan(cursor, "MATCH", "interleave:*", "COUNT", 1000);
      if (keys.length > 0) await client.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    client.disconnect();
  }
}

interface Sent {
  startedAt: number;
  respondedAt: number;
  id: string | null;
  correct: boolean;
}

/**
 * A class has been running for a while when the burst comes: one submission of an extra student,
 * waited for, so Next's lazily loaded route code and the sandbox slots are warm and not measured.
 */
async function warmUp(url: string, room: Classroom): Promise<void> {
  const response = await fetch(`${url}/api/exercises/${room.exerciseId}/submissions`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: room.warmUpStudent.cookie },
    body: JSON.stringify({ code: room.solution }),
  });
  if (response.status !== 202)
    throw new Error(`the warm-up submission was refused: ${response.status} ${await response.text()}`);
  const { id } = (await response.json()) as { id: string };
  const { done } = await waitForVerdicts([id]);
  if (done.length !== 1) throw new Error("the warm-up submission was never graded");
  await fetch(`${url}/api/submissions/${id}`, { headers: { cookie: room.warmUpStudent.cookie } });
}

/** Fires one submission per student, evenly spread over the window. */
async function fireBurst(url: string, room: Classroom, windowMs: number): Promise<Sent[]> {
  const t0 = Date.now();
  return Promise.all(
    room.students.map(async (student, i) => {
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, t0 + (i * windowMs) / room.students.length - Date.now())),
      );
      const correct = i % 3 !== 2;
      const startedAt = Date.now();
      const response = await fetch(`${url}/api/exercises/${room.exerciseId}/submissions`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: student.cookie },
        body: JSON.stringify({ code: correct ? room.solution : room.wrongSolution }),
      }).catch((error: unknown) => {
        // No response at all (a reset or refused connection): say why, the server logs nothing for it.
        const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
        log(`submission failed without a response: ${cause}`);
        return null;
      });
      const body = response?.status === 202 ? ((await response.json()) as { id: string }) : null;
      if (response && !body) log(`submission refused: ${response.status} ${await response.text()}`);
      return { startedAt, respondedAt: Date.now(), id: body?.id ?? null, correct };
    }),
  );
}

const FINAL = new Set(["passed", "failed", "needs_review"]);

/**
 * Polls until every id has a verdict. Only the ids still pending are asked for, every 250 ms:
 * the latencies come from the stored `gradedAt`, so polling faster measures nothing better, and
 * this process shares the cores with the server it measures (polling 1000 ids every 100 ms cost
 * seconds of CPU per burst).
 */
async function waitForVerdicts(ids: string[]) {
  const deadline = Date.now() + VERDICT_TIMEOUT_MS;
  const finished = new Map<string, SubmissionTimes>();
  let latest: SubmissionTimes[] = [];
  for (;;) {
    latest = await listSubmissionTimes(ids.filter((id) => !finished.has(id)));
    for (const row of latest) if (FINAL.has(row.status)) finished.set(row.id, row);
    if (finished.size === ids.length || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const pending = latest.filter((row) => !finished.has(row.id));
  return { rows: [...finished.values(), ...pending], done: [...finished.values()] };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const redisUrl = process.env.REDIS_URL ? redisForBench(process.env.REDIS_URL) : undefined;
  if (args.workers === 2 && !redisUrl)
    throw new Error("--workers 2 needs REDIS_URL (BullMQ): without Redis the server grades in-process");
  ensureProductionBuild(log);
  const secret = randomBytes(32).toString("base64url");
  log(`seeding ${args.students} students…`);
  const room = await seedClassroom({ students: args.students, slug: SLUG, secret, database: args.database });
  const children: Child[] = [];
  try {
    const sandboxRunP50 = await measureSandboxRun(room.solution);
    const faultCostUs = measurePageFaultCostUs();
    if (redisUrl) await clearRedis(redisUrl);
    const port = Number(process.env.BURST_PORT) || (await freePort());
    const url = `http://127.0.0.1:${port}`;
    const poolSize = Math.min(8, Math.max(1, os.availableParallelism()));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: secret,
      DATABASE_URL: room.databaseUrl,
      REDIS_URL: redisUrl ?? "",
      SANDBOX_POOL_SIZE: String(poolSize),
    };
    log(`starting the server (${redisUrl ? "BullMQ" : "in-process grading"})…`);
    children.push(await startServer({ ...env, SANDBOX_UID_BASE: String(UID_BASE.server) }, url));
    if (args.workers === 2) children.push(await startWorker({ ...env, SANDBOX_UID_BASE: String(UID_BASE.worker) }));
    await warmUp(url, room);
    const load = loadAverage();
    const serverCpuBefore = processCpuMs(children[0].process.pid);
    const benchCpuBefore = process.cpuUsage();

    log(`firing ${args.students} submissions over ${args.window} s…`);
    const sent = await fireBurst(url, room, args.window * 1000);
    const accepted = sent.filter((s): s is Sent & { id: string } => s.id !== null);
    const { rows, done } = await waitForVerdicts(accepted.map((s) => s.id));
    const serverCpuMs = processCpuMs(children[0].process.pid) - serverCpuBefore;
    const benchCpu = process.cpuUsage(benchCpuBefore);

    const byId = new Map(rows.map((row) => [row.id, row]));
    const latencies = accepted.flatMap((s) => {
      const gradedAt = byId.get(s.id)?.gradedAt;
      return gradedAt ? [gradedAt.getTime() - s.startedAt] : [];
    });
    const firstStart = Math.min(...sent.map((s) => s.startedAt));
    const lastVerdict = Math.max(...done.map((row) => row.gradedAt?.getTime() ?? 0));
    const wallSeconds = round((lastVerdict - firstStart) / 1000, 2);
    const queueWaits = rows.flatMap((row) => (row.startedAt ? [row.startedAt.getTime() - row.queuedAt.getTime()] : []));
    const passed = rows.filter((row) => row.passed === true).length;
    const figures: BurstFigures = {
      submissions: accepted.length,
      graded: done.length,
      lost: accepted.length - done.length,
      wallSeconds,
      p50Ms: round(percentile(latencies, 50)),
      p95Ms: round(percentile(latencies, 95)),
      maxMs: round(Math.max(0, ...latencies)),
      submissionsPerSec: round(done.length / Math.max(wallSeconds, 0.001), 1),
      rejected: sent.length - accepted.length,
      passed,
      submitP50Ms: round(
        percentile(
          sent.map((s) => s.respondedAt - s.startedAt),
          50,
        ),
      ),
      submitP95Ms: round(
        percentile(
          sent.map((s) => s.respondedAt - s.startedAt),
          95,
        ),
      ),
      queueWaitP95Ms: round(percentile(queueWaits, 95)),
      backend: redisUrl ? "bullmq" : "in-process",
      database: args.database,
      graderProcesses: redisUrl ? args.workers : 1,
      poolSize,
      students: args.students,
      windowSeconds: args.window,
      sandboxRunP50Ms: round(sandboxRunP50, 1),
      sandboxFloorSeconds: round(
        (accepted.length * sandboxRunP50) / 1000 / (poolSize * (redisUrl ? args.workers : 1)),
        1,
      ),
      cpus: os.availableParallelism(),
      loadAverage: load,
      faultCostUs,
      meetsTarget: false,
    };
    figures.meetsTarget =
      figures.lost === 0 && figures.rejected === 0 && figures.wallSeconds <= 10 && figures.p95Ms <= 3000;
    if (args.json) console.log(JSON.stringify(figures));
    else console.log(formatTable(figures));
    // The web process's own CPU (not the sandbox's): what the submit and grading paths cost it.
    const cpuPerSubmission = round(serverCpuMs / Math.max(1, accepted.length), 1);
    console.log(`Server process CPU: ${round(serverCpuMs / 1000, 1)} s, ${cpuPerSubmission} ms per submission.`);
    const benchCpuSeconds = round((benchCpu.user + benchCpu.system) / 1e6, 1);
    console.log(`This benchmark's own CPU (clients and polling) meanwhile: ${benchCpuSeconds} s.`);
    if (args.write) writePerformanceSection(figures, commandLine(args, Boolean(redisUrl)));
  } finally {
    for (const child of children.reverse()) {
      await child.stop();
      if (process.env.BURST_LOG_CHILDREN) console.error(`--- ${child.name} output ---\n${child.output()}`);
    }
    if (redisUrl) await clearRedis(redisUrl).catch(() => undefined);
    await room.cleanup();
  }
}

/** User + system CPU time of a process so far (Linux /proc), in ms; 0 where unavailable. */
function processCpuMs(pid: number | undefined): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Linux's USER_HZ, 100 on every mainstream architecture. */
const CLOCK_TICKS_PER_SECOND = 100;

function commandLine(args: Args, redis: boolean): string {
  const flags = [
    args.database === "postgres" ? "--database postgres" : "",
    args.students !== 300 ? `--students ${args.students}` : "",
    args.window !== 5 ? `--window ${args.window}` : "",
    args.workers === 2 ? "--workers 2" : "",
  ].filter(Boolean);
  return `${redis ? "REDIS_URL=redis://127.0.0.1:6379 " : ""}npm run bench:burst${flags.length > 0 ? ` -- ${flags.join(" ")}` : ""}`;
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error("bench:burst failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  });
