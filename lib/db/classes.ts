import { getDb, type DbClient } from "./get-db";
import type { EnrollmentStatus } from "./enrollments";

/**
 * Which classes a user may see, as plain data: lib/auth/policy.ts decides the scope, this module
 * turns it into a query (so Prisma stays inside lib/db).
 */
export type ClassScope = { kind: "all" } | { kind: "owned"; userId: string } | { kind: "enrolled"; userId: string };

export interface ClassRecord {
  id: string;
  name: string;
  joinCode: string;
  ownerId: string;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ClassWithCounts extends ClassRecord {
  instructorName: string;
  studentCount: number;
}

const withCounts = {
  owner: { select: { name: true } },
  _count: { select: { enrollments: { where: { status: "ACTIVE" as const } } } },
} as const;

type RowWithCounts = ClassRecord & { owner: { name: string }; _count: { enrollments: number } };

function toClassWithCounts(row: RowWithCounts): ClassWithCounts {
  const { owner, _count, ...klass } = row;
  return { ...klass, instructorName: owner.name, studentCount: _count.enrollments };
}

function scopeWhere(scope: ClassScope) {
  if (scope.kind === "all") return {};
  if (scope.kind === "owned") return { ownerId: scope.userId };
  return { enrollments: { some: { userId: scope.userId, status: "ACTIVE" as const } } };
}

/** Throws P2002 on a join-code collision (callers retry with a fresh code). */
export async function insertClass(
  data: { name: string; joinCode: string; ownerId: string },
  db: DbClient = getDb(),
): Promise<ClassWithCounts> {
  return toClassWithCounts(await db.class.create({ data, include: withCounts }));
}

export async function findClassWithCounts(classId: string, db: DbClient = getDb()): Promise<ClassWithCounts | null> {
  const row = await db.class.findUnique({ where: { id: classId }, include: withCounts });
  return row ? toClassWithCounts(row) : null;
}

export async function findClassByJoinCode(joinCode: string, db: DbClient = getDb()): Promise<ClassRecord | null> {
  return db.class.findUnique({ where: { joinCode } });
}

/** Newest first; archived classes last. */
export async function listClassesInScope(scope: ClassScope, db: DbClient = getDb()): Promise<ClassWithCounts[]> {
  const rows = await db.class.findMany({
    where: scopeWhere(scope),
    include: withCounts,
    // cuids grow within a millisecond, so id breaks createdAt ties in creation order too.
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map(toClassWithCounts);
}

/** Throws P2002 on a collision, P2025 when the class is gone. */
export async function updateJoinCode(
  classId: string,
  joinCode: string,
  db: DbClient = getDb(),
): Promise<ClassWithCounts> {
  return toClassWithCounts(await db.class.update({ where: { id: classId }, data: { joinCode }, include: withCounts }));
}

/**
 * What the policy needs to decide about one user and one class, in one query: the class (or null)
 * and that user's enrollment status in it.
 */
export async function findClassAccess(
  classId: string,
  userId: string,
  db: DbClient = getDb(),
): Promise<{ klass: ClassRecord; enrollmentStatus: EnrollmentStatus | null } | null> {
  const row = await db.class.findUnique({
    where: { id: classId },
    include: { enrollments: { where: { userId }, select: { status: true } } },
  });
  if (!row) return null;
  const { enrollments, ...klass } = row;
  return { klass, enrollmentStatus: enrollments[0]?.status ?? null };
}

/** Seed helper: the class with this join code, created for `ownerId` when missing. */
export async function upsertClassByJoinCode(
  data: { name: string; joinCode: string; ownerId: string },
  db: DbClient = getDb(),
): Promise<ClassRecord> {
  return db.class.upsert({
    where: { joinCode: data.joinCode },
    create: data,
    update: { name: data.name, ownerId: data.ownerId, archivedAt: null },
  });
}
