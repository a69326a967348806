/**
 * Shared set-up for the grading integration tests: a class with an instructor and students, library
 * exercises inserted straight into the database (until the import use case is used everywhere), a
 * sandbox runner whose target can be swapped (to make the sandbox "go away" and "come back"), and
 * small polling helpers.
 */
import path from "node:path";
import { getDb } from "@/lib/db/get-db";
import { insertClass } from "@/lib/db/classes";
import { insertEnrollment } from "@/lib/db/enrollments";
import { insertExercise, type ExerciseStatus, type ExerciseWithVersion } from "@/lib/db/exercises";
import { loadExercisePackage } from "@/lib/exercises/load-exercise-package";
import type { ExercisePackage } from "@/lib/exercises/exercise-package.types";
import type { SandboxRunner } from "@/lib/sandbox/sandbox-runner.types";
import type { SubmissionRecord } from "@/lib/db/submission-record";
import { createBullmqQueue } from "@/lib/grading/create-bullmq-queue";
import {
  createLocalGradedEventChannel,
  createRedisGradedEventChannel,
} from "@/lib/grading/create-graded-event-channel";
import { createInProcessQueue } from "@/lib/grading/create-in-process-queue";
import type { evaluateSubmission } from "@/lib/grading/evaluate-submission";
import { gradeSubmission } from "@/lib/grading/grade-submission";
import type { RetryPolicy } from "@/lib/grading/grading-queue.types";
import type { GradingServices } from "@/lib/grading/grading-services";
import { createMemoryRateLimiter } from "@/lib/rate-limit/create-memory-rate-limiter";
import type { SubmissionGradedPayload } from "@/lib/realtime/events";
import { createTestUser } from "./db";
import { TEST_REDIS_URL, deleteKeys, uniquePrefix } from "./redis";

export const LIBRARY_DIR = path.resolve(__dirname, "..", "..", "content", "exercises");

/**
 * A uid range for one test file's sandbox pool: slots of concurrently running files must not
 * share a uid (RLIMIT_NPROC is per uid), so each file passes its own `slot` (0..9).
 */
export function sandboxUidBase(slot: number): number {
  return 70_000 + slot * 1_000 + (process.pid % 100) * 8;
}

export async function loadLibraryPackage(slug: string): Promise<ExercisePackage> {
  return loadExercisePackage({ dir: path.join(LIBRARY_DIR, slug) });
}

export interface GradingClass {
  instructorId: string;
  classId: string;
  studentIds: string[];
}

/** An instructor's class with `students` enrolled students. */
export async function createGradingClass(students = 2): Promise<GradingClass> {
  const instructor = await createTestUser({ role: "INSTRUCTOR" });
  const klass = await insertClass({
    name: "Grading",
    joinCode: `G${Math.random().toString(36).slice(2, 9).toUpperCase()}`,
    ownerId: instructor.id,
  });
  const studentIds: string[] = [];
  for (let i = 0; i < students; i += 1) {
    const student = await createTestUser({ role: "STUDENT" });
    await insertEnrollment(klass.id, student.id);
    studentIds.push(student.id);
  }
  return { instructorId: instructor.id, classId: klass.id, studentIds };
}

/** A library exercise as rows of the class (version fields taken from the package). */
/** `limits` are merged over the package's overrides (e.g. a short CPU limit keeps a timeout test fast). */
export async function insertLibraryExercise(
  classId: string,
  slug: string,
  options: { status?: ExerciseStatus; slugSuffix?: string; schedules?: number; limits?: Record<string, number> } = {},
): Promise<ExerciseWithVersion> {
  const pkg = await loadLibraryPackage(slug);
  const code =
    pkg.kind === "write-code"
      ? { starterCode: pkg.starter, referenceSolution: pkg.solution }
      : { starterCode: pkg.program, referenceSolution: pkg.program };
  return insertExercise({
    classId,
    slug: `${slug}${options.slugSuffix ?? ""}`,
    kind: pkg.kind === "write-code" ? "WRITE_CODE" : "PREDICT_OUTPUT",
    status: options.status ?? "PUBLISHED",
    version: {
      titleEn: pkg.manifest.title.en,
      titleZh: pkg.manifest.title.zh,
      promptEn: pkg.prompts.en,
      promptZh: pkg.prompts.zh,
      ...code,
      expectedSpec: pkg.expectedTrace,
      schedules: options.schedules ?? pkg.manifest.schedules ?? 0,
      limits: { ...(pkg.manifest.limits ?? {}), ...options.limits },
      points: pkg.manifest.points,
    },
  });
}

/** The code of a library exercise's wrong solution (e.g. "wrong/sequential-awaits.py"). */
export async function wrongSolution(slug: string, file: string): Promise<string> {
  const pkg = await loadLibraryPackage(slug);
  if (pkg.kind !== "write-code") throw new Error(`${slug} has no wrong solutions`);
  const found = pkg.wrongSolutions.find((entry) => entry.file === file);
  if (!found) throw new Error(`${slug} has no ${file}`);
  return found.code;
}

export async function referenceSolution(slug: string): Promise<string> {
  const pkg = await loadLibraryPackage(slug);
  if (pkg.kind !== "write-code") throw new Error(`${slug} is not a write-code exercise`);
  return pkg.solution;
}

/** A runner that forwards to a target the test can swap while grading is running. */
export function createSwitchableRunner(initial: SandboxRunner): {
  runner: SandboxRunner;
  use(target: SandboxRunner): void;
  calls(): number;
} {
  let target = initial;
  let calls = 0;
  return {
    runner: {
      run: (request) => {
        calls += 1;
        return target.run(request);
      },
      status: () => target.status(),
      close: async () => undefined,
    },
    use(next) {
      target = next;
    },
    calls: () => calls,
  };
}

export async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false>,
  options: { timeoutMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${options.what ?? "a condition"}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until none of the given submissions is queued or running (or infra_error unless allowed). */
export async function waitForFinalStatus(
  ids: string[],
  options: { timeoutMs?: number; allowInfraError?: boolean } = {},
): Promise<SubmissionRecord[]> {
  const pending = options.allowInfraError ? ["queued", "running"] : ["queued", "running", "infra_error"];
  return waitFor(
    async () => {
      const rows = await getDb().submission.findMany({ where: { id: { in: ids } }, orderBy: { queuedAt: "asc" } });
      return rows.length === ids.length && rows.every((row) => !pending.includes(row.status)) ? rows : null;
    },
    { timeoutMs: options.timeoutMs, what: `${ids.length} submission(s) to be graded` },
  );
}

export async function countRows(): Promise<{ submissions: number; bestScores: number }> {
  const db = getDb();
  const [submissions, bestScores] = await Promise.all([db.submission.count(), db.bestScore.count()]);
  return { submissions, bestScores };
}

/** Programs a student might write, for the limit and tamper cases. */
export const STUDENT_PROGRAMS = {
  infiniteLoop: "while True:\n    pass\n",
  deadlock:
    "import asyncio\n\nasync def main():\n    await asyncio.get_running_loop().create_future()\n\nasyncio.run(main())\n",
  crash:
    "import asyncio\n\nasync def main():\n    print('main 开始')\n    raise ValueError('boom')\n\nasyncio.run(main())\n",
  /** Flagged by the static tamper scan (gc reaches the harness's objects). */
  tamper: "import gc\nimport asyncio\n\nprint(len(gc.get_objects()) > 0)\n",
  /** Burns about `seconds` of CPU before printing: makes a job slow enough to kill mid-run. */
  burnCpu: (seconds: number) =>
    `import time\nend = time.process_time() + ${seconds}\nwhile time.process_time() < end:\n    pass\nprint('done')\n`,
} as const;

export type Backend = "in-process" | "bullmq";

export interface PublishedEvent {
  event: SubmissionGradedPayload;
  /** The row's status read when the event arrived: must already be the stored verdict. */
  rowStatus: string | null;
}

export interface GradingHarness {
  services: GradingServices;
  /** Starts consuming (once; later calls do nothing). */
  startWorker(concurrency?: number): void;
  /** The events received so far (each with the row status read on arrival). */
  events(): Promise<PublishedEvent[]>;
  /** Waits for one event per id (BestScore is refreshed before the event is published). */
  waitForEvents(ids: string[]): Promise<PublishedEvent[]>;
  /** What grading logged (one line per infrastructure failure). */
  logs(): string[];
  stop(): Promise<void>;
}

/**
 * The grading pipeline assembled from its parts for one backend (BullMQ with a unique Redis prefix
 * and a Redis event channel, or the in-process queue with a local channel). The worker starts only
 * when the test says so, so a test can look at rows before anything is graded.
 */
export async function createGradingHarness(options: {
  backend: Backend;
  runner: SandboxRunner;
  staleAfterMs?: number;
  retry?: RetryPolicy;
  submitsPerMinute?: number;
  /** A fault-injecting checker (default: the real one). */
  evaluate?: typeof evaluateSubmission;
}): Promise<GradingHarness> {
  const logs: string[] = [];
  const prefix = `${uniquePrefix(`grading-${options.backend}`)}-${Math.random().toString(36).slice(2, 8)}`;
  const onError = () => undefined;
  const queue =
    options.backend === "bullmq"
      ? createBullmqQueue({ redisUrl: TEST_REDIS_URL, prefix, retry: options.retry, onError })
      : createInProcessQueue({ retry: options.retry, onError });
  const channel =
    options.backend === "bullmq"
      ? createRedisGradedEventChannel(TEST_REDIS_URL, `${prefix}:submission:graded`)
      : createLocalGradedEventChannel();
  const received: Promise<PublishedEvent>[] = [];
  await channel.subscribe((event) => {
    received.push(
      getDb()
        .submission.findUnique({ where: { id: event.submissionId }, select: { status: true } })
        .then((row) => ({ event, rowStatus: row?.status ?? null })),
    );
  });
  const limiter = () => createMemoryRateLimiter({ limit: options.submitsPerMinute ?? 1_000, windowMs: 60_000 });
  const services: GradingServices = { queue, runner: options.runner, submitLimiter: limiter(), runLimiter: limiter() };
  let started = false;
  return {
    services,
    startWorker(concurrency = 2) {
      if (started) return;
      started = true;
      queue.startWorker(
        async (submissionId) => {
          await gradeSubmission({
            submissionId,
            run: (request) => options.runner.run(request),
            publish: channel.publish,
            staleAfterMs: options.staleAfterMs ?? 60_000,
            log: (line) => logs.push(line),
            evaluate: options.evaluate,
          });
        },
        { concurrency },
      );
    },
    events: () => Promise.all(received),
    logs: () => [...logs],
    waitForEvents: (ids) =>
      waitFor(
        async () => {
          const mine = (await Promise.all(received)).filter((e) => ids.includes(e.event.submissionId));
          return mine.length >= ids.length ? mine : null;
        },
        { what: `${ids.length} submission:graded event(s)` },
      ),
    async stop() {
      await queue.close();
      await channel.close();
      if (options.backend === "bullmq") await deleteKeys(prefix);
    },
  };
}
