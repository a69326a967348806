import { AppError } from "@/lib/errors/app-error";
import { findClassAccess, type ClassRecord } from "@/lib/db/classes";
import type { DbClient } from "@/lib/db/get-db";
import type { UserRecord } from "@/lib/db/users";
import { authorize, type ClassAction, type ClassContext } from "./policy";
import { loadActor } from "./load-actor";

export interface ClassAccess {
  actor: UserRecord;
  klass: ClassRecord;
  context: ClassContext;
}

/**
 * Loads the user and the class and asks the policy: the one gate for "user X does A on class Y".
 * A missing class reads exactly like an invisible one (NOT_FOUND).
 */
export async function requireClassAccess(
  options: { userId: string; classId: string; action: ClassAction; submissionUserId?: string; unpublished?: boolean },
  db?: DbClient,
): Promise<ClassAccess> {
  const actor = await loadActor(options.userId);
  const found =
    typeof options.classId === "string" && options.classId
      ? await findClassAccess(options.classId, actor.id, db)
      : null;
  if (!found)
    throw new AppError("NOT_FOUND", options.action.startsWith("exercise.") ? "Exercise not found" : "Class not found", {
      key: options.action.startsWith("exercise.") ? "exercise.notFound" : "class.notFound",
    });
  const context: ClassContext = {
    ownerId: found.klass.ownerId,
    enrollmentStatus: found.enrollmentStatus,
    archivedAt: found.klass.archivedAt,
    submissionUserId: options.submissionUserId,
    unpublished: options.unpublished,
  };
  authorize(actor, options.action, context);
  return { actor, klass: found.klass, context };
}
