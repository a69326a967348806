import { AppError } from "@/lib/errors/app-error";
import type { ClassScope } from "@/lib/db/classes";

/**
 * THE authorization module. Every use case, route handler, server action and socket handler asks
 * here. Rules:
 * - a student sees only classes they are ACTIVELY enrolled in; an instructor only classes they own;
 *   the admin flag sees every class;
 * - "no access" to something you cannot see reads as NOT_FOUND (a probe cannot tell a foreign class
 *   from a missing one); an action you may not take on something you CAN see is FORBIDDEN.
 * Pure: callers load the context (lib/auth/require-class-access.ts does it for a class id).
 */
export type PolicyRole = "INSTRUCTOR" | "STUDENT";

export interface Actor {
  id: string;
  /** Either case is accepted: the session carries "instructor"/"student", the database the enum. */
  role: PolicyRole | "instructor" | "student";
  isAdmin: boolean;
}

export interface ClassContext {
  ownerId: string;
  /** The actor's own enrollment in the class, if any. */
  enrollmentStatus: "ACTIVE" | "REMOVED" | null;
  archivedAt?: Date | null;
  /** For submission.view: whose submission it is. */
  submissionUserId?: string;
  /**
   * The thing acted on is not published (a draft exercise, an unpublished assignment): to anyone
   * who does not manage the class it does not exist, so every action on it is NOT_FOUND — never
   * FORBIDDEN, which would confirm the draft is there.
   */
  unpublished?: boolean;
}

export const CLASS_ACTIONS = [
  "class.view",
  "class.manage",
  "class.roster.view",
  "class.join",
  "exercise.view",
  "exercise.submit",
  "exercise.manage",
  "submission.view",
  "liveRound.run",
  "assignment.export",
] as const;

export type ClassAction = (typeof CLASS_ACTIONS)[number];

/** A refusal carries its English message and the key of its translation (see AppError). */
export type Decision =
  { allowed: true } | { allowed: false; code: "NOT_FOUND" | "FORBIDDEN"; message: string; key: string };

const ALLOW: Decision = { allowed: true };

export function roleOf(actor: Pick<Actor, "role">): PolicyRole {
  return actor.role.toUpperCase() === "INSTRUCTOR" ? "INSTRUCTOR" : "STUDENT";
}

function notFound(action: ClassAction): Decision {
  if (action.startsWith("exercise."))
    return { allowed: false, code: "NOT_FOUND", message: "Exercise not found", key: "exercise.notFound" };
  if (action.startsWith("submission."))
    return { allowed: false, code: "NOT_FOUND", message: "Submission not found", key: "submission.notFound" };
  return { allowed: false, code: "NOT_FOUND", message: "Class not found", key: "class.notFound" };
}

function forbidden(message: string, key: string): Decision {
  return { allowed: false, code: "FORBIDDEN", message, key };
}

export function can(actor: Actor, action: ClassAction, ctx: ClassContext): Decision {
  if (action === "class.join") return canJoin(actor, ctx);
  const isOwner = ctx.ownerId === actor.id;
  const isActiveStudent = ctx.enrollmentStatus === "ACTIVE";
  const visible = isOwner || isActiveStudent || actor.isAdmin;
  if (!visible) return notFound(action);

  const manages = isOwner || actor.isAdmin;
  if (ctx.unpublished && !manages) return notFound(action);
  switch (action) {
    case "class.manage":
    case "class.roster.view":
    case "exercise.manage":
    case "liveRound.run":
    case "assignment.export":
      return manages ? ALLOW : forbidden("Only the class's instructor can do that.", "class.ownerOnly");
    case "class.view":
    case "exercise.view":
      return ALLOW;
    case "exercise.submit":
      if (ctx.archivedAt) return forbidden("This class is archived.", "class.archived");
      // The owner may try their own exercises; an admin who is not in the class only watches.
      return isOwner || isActiveStudent
        ? ALLOW
        : forbidden("Only students of this class can submit.", "class.studentsOnlySubmit");
    case "submission.view":
      // Another student's submission is something you cannot see, not something you may not do.
      return manages || ctx.submissionUserId === actor.id ? ALLOW : notFound(action);
    default:
      return exhaustive(action);
  }
}

function canJoin(actor: Actor, ctx: ClassContext): Decision {
  if (roleOf(actor) === "INSTRUCTOR")
    return forbidden("Instructors cannot join a class as students.", "join.instructor");
  if (ctx.enrollmentStatus === "REMOVED") {
    return forbidden("You were removed from this class. Ask your instructor to add you again.", "join.removed");
  }
  // The code was right, so the class is no secret; an archived class simply takes no one new.
  if (ctx.archivedAt && ctx.enrollmentStatus !== "ACTIVE")
    return forbidden("This class is archived and no longer takes new students.", "join.archived");
  return ALLOW;
}

function exhaustive(action: never): never {
  throw new Error(`Unhandled class action ${String(action)}`);
}

/** Throws the decision as an AppError when it is not allowed. */
export function authorize(actor: Actor, action: ClassAction, ctx: ClassContext): void {
  const decision = can(actor, action, ctx);
  if (!decision.allowed) throw new AppError(decision.code, decision.message, { key: decision.key });
}

/** Which classes `actor` can list: the same rule as class.view, as a query scope. */
export function classScopeFor(actor: Actor): ClassScope {
  if (actor.isAdmin) return { kind: "all" };
  return roleOf(actor) === "INSTRUCTOR" ? { kind: "owned", userId: actor.id } : { kind: "enrolled", userId: actor.id };
}

/** Creating a class is not about an existing class: instructors (and admins) only. */
export function authorizeCreateClass(actor: Actor): void {
  if (roleOf(actor) !== "INSTRUCTOR" && !actor.isAdmin)
    throw new AppError("FORBIDDEN", "Only instructors can create classes.", { key: "class.createInstructorsOnly" });
}
