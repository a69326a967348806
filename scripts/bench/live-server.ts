/**
 * The server side of `npm run bench:live`, in its own process so its RSS is measured alone.
 * `interleave` mode: the real realtime server + live class (leaderboard feed, coalescing, rounds)
 * on a migrated SQLite database with one class of N students; a "verdict" is a real grading commit
 * (claim + storeVerdict with its BestScore refresh) followed by the graded event; its database is
 * seeded beforehand by a `seed` run of this file in its own process. `bare` mode: a
 * plain socket.io server that broadcasts a payload of the same shape. `app` mode: the same app node
 * but its sockets are on a fan-out node (live-fanout-server.ts) reached through Redis; it signs each
 * student's connection and room tickets the way `GET /api/realtime/ticket` does (with the access
 * query). The parent drives it over IPC.
 */
import fs from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { Server } from "socket.io";
import { createClassRoomAccessLookup } from "@/lib/auth/create-class-room-access-lookup";
import { insertClass } from "@/lib/db/classes";
import { insertEnrollment, listActiveRoster } from "@/lib/db/enrollments";
import { findExerciseWithCurrentVersion } from "@/lib/db/exercises";
import { disconnectDb, useDatabaseUrl } from "@/lib/db/get-db";
import { claimSubmission, insertQueuedSubmission } from "@/lib/db/submissions";
import { insertUser } from "@/lib/db/users";
import { storeVerdict } from "@/lib/grading/store-verdict";
import { importExerciseIntoClass } from "@/lib/exercises/import-exercise-into-class";
import { loadExercisePackage } from "@/lib/exercises/load-exercise-package";
import { createClassJoinAuthorizer } from "@/lib/realtime/authorize-class-join";
import { createRealtimeServer } from "@/lib/realtime/create-realtime-server";
import { issueRealtimeTicket } from "@/lib/realtime/issue-realtime-ticket";
import { createRoomRevocations } from "@/lib/realtime/room-revocations";
import { startLiveClass, type LiveClass } from "@/lib/realtime/start-live-class";
import { REPO_ROOT } from "../production-build";
import { createBenchDatabase } from "./burst-setup";
import { memoryBreakdown } from "./live-memory";

const mode = (["bare", "seed", "app"] as const).find((m) => m === process.argv[2]) ?? "interleave";
/** `app` mode: the Redis adapter the fan-out node shares, and the tickets' secret. */
const { BENCH_LIVE_REDIS_URL: redisUrl, BENCH_LIVE_REDIS_KEY: redisKey } = process.env;
const ticketSecret = process.env.BENCH_LIVE_SECRET ?? "";
const students = Number(process.argv[3] ?? "1000");
const send = (message: unknown) => process.send?.(message);
const now = () => performance.timeOrigin + performance.now();
let peakRss = 0;
setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50).unref();

/** A migrated SQLite database with one class of N students and a published exercise. */
async function seed(): Promise<void> {
  const database = await createBenchDatabase("sqlite");
  await useDatabaseUrl(database.url);
  const teacher = await insertUser({ email: "t@bench.test", name: "T", role: "INSTRUCTOR", passwordHash: null });
  const klass = await insertClass({ name: "Bench", joinCode: "BNCH-0001", ownerId: teacher.id });
  const pkg = await loadExercisePackage({
    dir: path.join(REPO_ROOT, "content", "exercises", "13-predict-sequential-await"),
  });
  const imported = await importExerciseIntoClass({
    userId: teacher.id,
    classId: klass.id,
    status: "PUBLISHED",
    package: pkg,
  });
  for (let start = 0; start < students; start += 25) {
    const chunk = Array.from({ length: Math.min(25, students - start) }, (_, k) => start + k);
    await Promise.all(
      chunk.map(async (i) => {
        const user = await insertUser({
          email: `s${i}@bench.test`,
          name: `Student ${i}`,
          role: "STUDENT",
          passwordHash: null,
        });
        await insertEnrollment(klass.id, user.id);
      }),
    );
  }
  await disconnectDb();
  send({ type: "seeded", url: database.url, classId: klass.id, exerciseId: imported.id });
}

async function main(): Promise<void> {
  if (mode === "seed") return seed();
  const http = createServer();
  const userIds = Array.from({ length: students }, (_, i) => `u${i}`);
  let classId = "bench";
  let verdict: (index: number) => Promise<void>;
  if (mode === "bare") {
    const io = new Server(http, { serveClient: false });
    io.on("connection", (socket) => void socket.join(`class:${classId}`));
    verdict = async (index) => {
      const committedAt = now();
      const entries = [{ userId: userIds[index], name: `Student ${index}`, solved: 1, score: 5, rank: 1 }];
      io.to(`class:${classId}`).emit("leaderboard:update", { classId, entries, updatedAt: new Date().toISOString() });
      send({ type: "committed", index, userId: userIds[index], committedAt });
    };
  } else {
    // The class was seeded by a separate `seed` process: creating 1000 accounts is not what a
    // serving node does, and its peak would otherwise count in this process's RSS.
    const [url, seededClassId, exerciseId] = process.argv.slice(4);
    process.on("exit", () => fs.rmSync(path.dirname(url.replace(/^file:/, "")), { recursive: true, force: true }));
    await useDatabaseUrl(url);
    classId = seededClassId;
    const exercise = await findExerciseWithCurrentVersion(exerciseId);
    if (!exercise) throw new Error("exercise missing");
    const roster = await listActiveRoster(classId);
    roster.forEach((row, i) => (userIds[i] = row.id));
    const known = new Set(userIds);
    const revocations = createRoomRevocations();
    const roomAccess = createClassRoomAccessLookup();
    const realtime = await createRealtimeServer(http, {
      // Benchmark clients identify by user id; the cookie path is measured by the socket tests.
      authenticate: async (request) => {
        const id = new URL(request.url ?? "/", "http://x").searchParams.get("uid") ?? "";
        return known.has(id) ? { id, email: `${id}@bench.test`, name: id, role: "student", isAdmin: false } : null;
      },
      // As server.ts wires it: no ticket from these clients, so access queries, batched.
      authorizeJoin: createClassJoinAuthorizer({
        revocations,
        lookup: ({ user, classId: joined }) => roomAccess({ actor: user, classId: joined }),
      }),
      revocations,
      redisUrl: mode === "app" ? redisUrl : undefined,
      redisKey,
      eventRate: { burst: 20, perSecond: 5 },
      // As server.ts wires it: a join loads the class's board.
      onClassRoomJoined: (joined) => live?.onClassRoomJoined(joined),
    });
    let live: LiveClass | undefined;
    live = await startLiveClass(realtime.io, { acrossNodes: mode === "app" });
    const liveClass = live;
    verdict = async (index) => {
      const data = {
        exerciseId: exercise.id,
        exerciseVersionId: exercise.version.id,
        userId: userIds[index],
        classId,
        code: "bench",
      };
      const queued = await insertQueuedSubmission(data);
      const claim = await claimSubmission(queued.id, new Date(0));
      if (!claim) throw new Error("claim failed");
      const fields = {
        status: "passed" as const,
        passed: true,
        score: 100,
        verdict: { passed: true },
        trace: null,
        tamperReason: null,
        firstDivergence: null,
        failingSeed: null,
        runMs: 1,
      };
      await storeVerdict(claim.id, claim.claimAttempt, fields, {
        classId,
        userId: data.userId,
        exerciseId: exercise.id,
      });
      const committedAt = now();
      liveClass.onGraded({
        submissionId: claim.id,
        exerciseId: exercise.id,
        classId,
        userId: data.userId,
        status: "passed",
        score: 100,
        gradedAt: new Date().toISOString(),
      });
      send({ type: "committed", index, userId: data.userId, committedAt });
    };
  }
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const address = http.address();
  const port = typeof address === "object" && address ? address.port : 0;
  if (mode === "app") {
    // What each browser fetches from GET /api/realtime/ticket, with the same access checks.
    const tickets: { connect: string; room: string }[] = [];
    for (const userId of userIds) {
      const connectTicket = await issueRealtimeTicket({ userId, secret: ticketSecret });
      const room = await issueRealtimeTicket({ userId, classId, secret: ticketSecret });
      tickets.push({ connect: connectTicket.ticket, room: room.ticket });
    }
    send({ type: "ready", port, classId, userIds, tickets });
  } else send({ type: "ready", port, classId, userIds });
  process.on("message", (message: { type: string; index?: number }) => {
    if (message.type === "verdict")
      void verdict(message.index ?? 0).catch((error: unknown) => send({ type: "error", message: String(error) }));
    if (message.type === "rss") {
      if (process.env.BENCH_LIVE_MEMORY) console.error(`[${mode}] memory`, memoryBreakdown(peakRss));
      send({ type: "rss", rss: Math.max(peakRss, process.memoryUsage().rss) });
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
