import {
  countAssignmentAttempts,
  findAssignmentForSubmission,
  findClassTimeZone,
  findExtension,
} from "@/lib/db/assignments";
import { AppError } from "@/lib/errors/app-error";
import { decideSubmission } from "./late-policy";
import { latePolicyOf } from "./assignment-window";
import { formatInZone } from "./time-zone";

export interface AssignmentSubmissionCheck {
  assignmentId: string;
  exerciseId: string;
  classId: string;
  userId: string;
  /** Injectable for tests; the server's clock otherwise. */
  now?: Date;
}

export interface AcceptedForAssignment {
  late: boolean;
  lateDays: number;
  penaltyPercent: number;
}

/**
 * The assignment's rule for one submission, checked BEFORE anything is stored (lib/grading's submit
 * calls it): the assignment must contain the exercise and be published; before it opens → FORBIDDEN;
 * after the student's due time (their extension, if any) under "refuse" → FORBIDDEN; past the
 * attempts limit → FORBIDDEN. Under "penalty" a late submission is accepted and marked late.
 */
export async function checkAssignmentSubmission(check: AssignmentSubmissionCheck): Promise<AcceptedForAssignment> {
  const assignment = await findAssignmentForSubmission(check.assignmentId, check.exerciseId);
  if (!assignment || assignment.classId !== check.classId || !assignment.published) {
    throw new AppError("NOT_FOUND", "Assignment not found", { key: "assignment.notFound" });
  }
  const key = { assignmentId: assignment.id, userId: check.userId, exerciseId: check.exerciseId };
  const [extension, attemptsUsed, timeZone] = await Promise.all([
    findExtension(assignment.id, check.userId),
    assignment.attemptsLimit === null ? Promise.resolve(0) : countAssignmentAttempts(key),
    findClassTimeZone(assignment.classId),
  ]);
  const dueAt = extension ?? assignment.dueAt;
  const now = check.now ?? new Date();
  const decision = decideSubmission(
    { opensAt: assignment.opensAt, dueAt, policy: latePolicyOf(assignment), attemptsLimit: assignment.attemptsLimit },
    now,
    attemptsUsed,
  );
  if (decision.accepted)
    return { late: decision.late, lateDays: decision.lateDays, penaltyPercent: decision.penaltyPercent };
  const zone = timeZone ?? "UTC";
  const shown = (date: Date) => `${formatInZone(date, zone).slice(0, 16).replace("T", " ")} (${zone})`;
  switch (decision.reason) {
    case "not_open":
      throw new AppError(
        "FORBIDDEN",
        `This assignment opens at ${shown(assignment.opensAt ?? now)}; nothing was submitted.`,
        { key: "assignment.notOpen", params: { opensAt: shown(assignment.opensAt ?? now) } },
      );
    case "past_due":
      throw new AppError(
        "FORBIDDEN",
        `The deadline (${shown(dueAt)}) has passed and this assignment does not accept late work; nothing was submitted.`,
        { key: "assignment.pastDue", params: { dueAt: shown(dueAt) } },
      );
    case "attempts_used":
      throw new AppError(
        "FORBIDDEN",
        `You have used all ${assignment.attemptsLimit} attempts for this exercise in this assignment; nothing was submitted.`,
        { key: "assignment.attemptsUsed", params: { limit: assignment.attemptsLimit ?? 0 } },
      );
  }
}
