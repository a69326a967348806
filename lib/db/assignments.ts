import { getDb, type DbClient } from "./get-db";

export interface AssignmentWindow {
  id: string;
  classId: string;
  published: boolean;
  opensAt: Date | null;
  dueAt: Date | null;
  allowLate: boolean;
  latePenaltyPercent: number;
}

/** The assignment, only if it contains the exercise. */
export async function findAssignmentForSubmission(assignmentId: string, exerciseId: string, db: DbClient = getDb()): Promise<AssignmentWindow | null> {
  return db.assignment.findFirst({
    where: { id: assignmentId, exercises: { some: { exerciseId } } },
    select: { id: true, classId: true, published: true, opensAt: true, dueAt: true, allowLate: true, latePenaltyPercent: true },
  });
}
