import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/config/parse-input";
import { loadActor } from "@/lib/auth/load-actor";
import { authorize } from "@/lib/auth/policy";
import { findClassAccess, findClassByJoinCode, findClassWithCounts } from "@/lib/db/classes";
import { insertEnrollment } from "@/lib/db/enrollments";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import { publishRosterChanged, type RosterEventDeps } from "@/lib/realtime/publish-roster-changed";
import { toStudentClassView, type StudentClassView } from "./class-view";
import { joinClassInput, type JoinClassInput } from "./join-class.types";
import { normalizeJoinCode } from "./join-code";

export interface JoinClassResult extends StudentClassView {
  /** True when the student was already in the class (nothing changed). */
  alreadyEnrolled: boolean;
}

/**
 * A student joins with the code the instructor shared. Idempotent: joining twice returns the class
 * and never creates a second enrollment. Removed students and instructors are refused (FORBIDDEN).
 * A new enrollment is announced to the class room (`roster:changed`) once it is stored.
 */
export async function joinClass(input: JoinClassInput, events: RosterEventDeps = {}): Promise<JoinClassResult> {
  const { userId, joinCode } = parseInput(joinClassInput, input);
  const actor = await loadActor(userId);
  const code = normalizeJoinCode(joinCode);
  const klass = code ? await findClassByJoinCode(code) : null;
  if (!klass) {
    throw new AppError("NOT_FOUND", `No class has the join code "${joinCode}". Check the code with your instructor.`, {
      key: "join.codeNotFound",
      params: { code: joinCode },
      details: { joinCode: ["No class has this join code."] },
    });
  }
  const access = await findClassAccess(klass.id, actor.id);
  const enrollmentStatus = access?.enrollmentStatus ?? null;
  authorize(actor, "class.join", { ownerId: klass.ownerId, enrollmentStatus, archivedAt: klass.archivedAt });

  let alreadyEnrolled = enrollmentStatus === "ACTIVE";
  if (!alreadyEnrolled) {
    try {
      await insertEnrollment(klass.id, actor.id);
    } catch (error) {
      // A double-click raced us to the same (class, user) row: the other request enrolled them.
      if (!isUniqueViolation(error)) throw error;
      alreadyEnrolled = true;
    }
  }
  const joined = await findClassWithCounts(klass.id);
  if (!joined) throw new AppError("NOT_FOUND", "Class not found", { key: "class.notFound" });
  const view = toStudentClassView(joined);
  if (!alreadyEnrolled) {
    publishRosterChanged(
      { classId: view.id, change: "joined", studentId: actor.id, studentCount: view.studentCount },
      events,
    );
  }
  return { ...view, alreadyEnrolled };
}
