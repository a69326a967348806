import { can, type ClassAction } from "@/lib/auth/policy";
import { requireClassAccess, type ClassAccess } from "@/lib/auth/require-class-access";
import { findAssignment, type AssignmentWithExercises } from "@/lib/db/assignments";
import { AppError } from "@/lib/errors/app-error";

export interface AssignmentAccess extends ClassAccess {
  assignment: AssignmentWithExercises;
  canManage: boolean;
}

/**
 * The assignment and the policy's answer for `action` on its class. A missing assignment, one in a
 * class the user cannot see, and (for students) an unpublished one all read as NOT_FOUND.
 */
export async function requireAssignmentAccess(options: {
  userId: string;
  assignmentId: string;
  action: ClassAction;
}): Promise<AssignmentAccess> {
  const assignment = await findAssignment(options.assignmentId);
  if (!assignment) throw new AppError("NOT_FOUND", "Assignment not found", { key: "assignment.notFound" });
  let access: ClassAccess;
  try {
    access = await requireClassAccess({ userId: options.userId, classId: assignment.classId, action: options.action });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND")
      throw new AppError("NOT_FOUND", "Assignment not found", { key: "assignment.notFound" });
    throw error;
  }
  const canManage = can(access.actor, "exercise.manage", access.context).allowed;
  if (!canManage && !assignment.published)
    throw new AppError("NOT_FOUND", "Assignment not found", { key: "assignment.notFound" });
  return { ...access, assignment, canManage };
}
