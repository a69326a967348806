import { getDb, type DbClient } from "./get-db";
import { exerciseChanged } from "./submissions-exercise-changes";

export type ExerciseKind = "WRITE_CODE" | "PREDICT_OUTPUT";
export type ExerciseStatus = "DRAFT" | "PUBLISHED" | "CLOSED";

export interface ExerciseVersionRecord {
  id: string;
  exerciseId: string;
  version: number;
  titleEn: string;
  titleZh: string;
  promptEn: string;
  promptZh: string;
  starterCode: string;
  referenceSolution: string;
  expectedSpec: string;
  schedules: number;
  /** RunLimits overrides (lib/run-contract/run-result.types.ts); validated by the caller. */
  limits: unknown;
  /** Regex sources (JSON array) a run's harness notes must not match; null when none. */
  forbiddenNotes: unknown;
  /** The package's remaining fields (lib/exercises/package-extras.types.ts), for export. */
  packageExtras: unknown;
  /** The virtual network (lib/run-contract/network-spec.types.ts); null: no host resolves. */
  network: unknown;
  points: number;
  createdAt: Date;
}

export interface ExerciseRecord {
  id: string;
  classId: string;
  slug: string;
  kind: ExerciseKind;
  status: ExerciseStatus;
  currentVersion: number;
  position: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface ExerciseWithVersion extends ExerciseRecord {
  version: ExerciseVersionRecord;
}

export type NewExerciseVersion = Omit<
  ExerciseVersionRecord,
  "id" | "exerciseId" | "version" | "createdAt" | "forbiddenNotes" | "packageExtras" | "network"
> & {
  forbiddenNotes?: string[];
  packageExtras?: object;
  network?: object | null;
};

/** The exercise with the version students currently get, or null. */
export async function findExerciseWithCurrentVersion(
  exerciseId: string,
  db: DbClient = getDb(),
): Promise<ExerciseWithVersion | null> {
  const exercise = await db.exercise.findUnique({ where: { id: exerciseId } });
  if (!exercise) return null;
  const version = await db.exerciseVersion.findUnique({
    where: { exerciseId_version: { exerciseId, version: exercise.currentVersion } },
  });
  return version ? { ...exercise, version } : null;
}

export async function findExerciseVersion(id: string, db: DbClient = getDb()): Promise<ExerciseVersionRecord | null> {
  return db.exerciseVersion.findUnique({ where: { id } });
}

export async function findExerciseBySlug(
  classId: string,
  slug: string,
  db: DbClient = getDb(),
): Promise<ExerciseRecord | null> {
  return db.exercise.findUnique({ where: { classId_slug: { classId, slug } } });
}

/** Creates the exercise and its version 1. Throws P2002 when the slug is taken in the class. */
export async function insertExercise(
  data: {
    classId: string;
    slug: string;
    kind: ExerciseKind;
    status: ExerciseStatus;
    position?: number;
    version: NewExerciseVersion;
  },
  db: DbClient = getDb(),
): Promise<ExerciseWithVersion> {
  const { version, ...exercise } = data;
  const created = await db.exercise.create({
    data: {
      ...exercise,
      currentVersion: 1,
      versions: {
        create: { ...version, limits: toJson(version.limits), network: networkJson(version.network), version: 1 },
      },
    },
    include: { versions: true },
  });
  const { versions, ...record } = created;
  return { ...record, version: versions[0] };
}

/** Adds version n+1 and makes it current; older versions stay for the submissions graded on them. */
export async function insertExerciseVersion(
  exerciseId: string,
  version: NewExerciseVersion,
  db: DbClient = getDb(),
): Promise<ExerciseVersionRecord> {
  const exercise = await db.exercise.update({ where: { id: exerciseId }, data: { currentVersion: { increment: 1 } } });
  exerciseChanged(exerciseId);
  return db.exerciseVersion.create({
    data: {
      ...version,
      limits: toJson(version.limits),
      network: networkJson(version.network),
      exerciseId,
      version: exercise.currentVersion,
    },
  });
}

export async function updateExerciseStatus(
  exerciseId: string,
  status: ExerciseStatus,
  db: DbClient = getDb(),
): Promise<void> {
  await db.exercise.update({ where: { id: exerciseId }, data: { status } });
  exerciseChanged(exerciseId);
}

/** Exercises of a class in teaching order with their current titles. */
export async function listClassExercises(
  classId: string,
  options: { publishedOnly: boolean },
  db: DbClient = getDb(),
): Promise<ExerciseWithVersion[]> {
  const rows = await db.exercise.findMany({
    where: { classId, ...(options.publishedOnly ? { status: { in: ["PUBLISHED", "CLOSED"] } } : {}) },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    include: { versions: { orderBy: { version: "desc" } } },
  });
  return rows.flatMap(({ versions, ...exercise }) => {
    const version = versions.find((v) => v.version === exercise.currentVersion);
    return version ? [{ ...exercise, version }] : [];
  });
}

/** Where a newly imported exercise goes: after every exercise the class already has. */
export async function nextExercisePosition(classId: string, db: DbClient = getDb()): Promise<number> {
  const last = await db.exercise.findFirst({
    where: { classId },
    orderBy: { position: "desc" },
    select: { position: true },
  });
  return last ? last.position + 1 : 0;
}

export interface BestScoreRecord {
  exerciseId: string;
  bestScore: number;
  attempts: number;
  passedAt: Date | null;
}

/** One student's leaderboard rows in a class (what the exercise list shows as "your best"). */
export async function listBestScoresOfUser(
  classId: string,
  userId: string,
  db: DbClient = getDb(),
): Promise<BestScoreRecord[]> {
  return db.bestScore.findMany({
    where: { classId, userId },
    select: { exerciseId: true, bestScore: true, attempts: true, passedAt: true },
  });
}

/** The id of a student's most recent submission to an exercise (the exercise page reopens it). */
export async function findLatestSubmissionId(
  exerciseId: string,
  userId: string,
  db: DbClient = getDb(),
): Promise<string | null> {
  const row = await db.submission.findFirst({
    where: { exerciseId, userId },
    orderBy: { attemptNumber: "desc" },
    select: { id: true },
  });
  return row?.id ?? null;
}

// Prisma's Json input type rejects `unknown`; limits are plain JSON objects validated by callers.
/** Json? column: a spec, or undefined (the column's NULL on create; an update leaves it as it is). */
export function networkJson(value: object | null | undefined): object | undefined {
  return value ?? undefined;
}

function toJson(value: unknown): object {
  return typeof value === "object" && value !== null ? value : {};
}
