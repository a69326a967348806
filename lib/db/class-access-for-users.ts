import type { ClassRecord } from "./classes";
import type { EnrollmentStatus } from "./enrollments";
import { getDb, type DbClient } from "./get-db";

/**
 * `findClassAccess` for many users of one class in ONE query: the class and each listed user's
 * enrollment status (absent: not enrolled). A class starting its lesson is hundreds of sockets
 * joining its room within a second; the room's access check reads them together.
 */
export async function findClassAccessForUsers(
  classId: string,
  userIds: readonly string[],
  db: DbClient = getDb(),
): Promise<{ klass: ClassRecord; enrollmentStatus: Map<string, EnrollmentStatus> } | null> {
  const row = await db.class.findUnique({
    where: { id: classId },
    include: {
      enrollments: { where: { userId: { in: [...new Set(userIds)] } }, select: { userId: true, status: true } },
    },
  });
  if (!row) return null;
  const { enrollments, ...klass } = row;
  return { klass, enrollmentStatus: new Map(enrollments.map((e) => [e.userId, e.status])) };
}
