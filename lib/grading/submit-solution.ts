import { parseInput } from "@/lib/config/parse-input";
import { findAssignmentForSubmission } from "@/lib/db/assignments";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import { insertQueuedSubmission } from "@/lib/db/submissions";
import { AppError } from "@/lib/errors/app-error";
import { getGradingServices, type GradingServices } from "./grading-services";
import { loadExerciseForSubmission } from "./load-exercise-for-submission";
import { submitSolutionInput, type SubmitSolutionInput } from "./submit-solution.types";

export interface SubmittedSolution {
  id: string;
  status: "queued";
  attemptNumber: number;
  queuedAt: string;
}

/**
 * "Submit": validate everything first (nothing is stored half-way), persist the submission as
 * queued, then enqueue its id. If enqueueing fails the row stays queued and recovery picks it up,
 * so an accepted submission is never lost.
 */
export async function submitSolution(input: SubmitSolutionInput, services: GradingServices = getGradingServices()): Promise<SubmittedSolution> {
  const { userId, exerciseId, code, assignmentId } = parseInput(submitSolutionInput, input);
  const exercise = await loadExerciseForSubmission({ userId, exerciseId, code });
  if (assignmentId) await checkAssignmentWindow(assignmentId, exercise.id, exercise.classId);
  const limit = await services.submitLimiter.hit(`submit:${userId}`);
  if (!limit.allowed) {
    throw new AppError("RATE_LIMITED", `Too many submissions: try again in ${Math.ceil(limit.retryAfterMs / 1000)} s.`);
  }
  const submission = await insertWithNextAttempt({
    exerciseId: exercise.id,
    exerciseVersionId: exercise.version.id,
    classId: exercise.classId,
    userId,
    code,
    assignmentId: assignmentId ?? null,
  });
  await services.queue.enqueue(submission.id).catch((error: unknown) => {
    console.error(`[grading] enqueue of ${submission.id} failed; recovery will retry it`, error);
  });
  return { id: submission.id, status: "queued", attemptNumber: submission.attemptNumber, queuedAt: submission.queuedAt.toISOString() };
}

async function insertWithNextAttempt(data: Parameters<typeof insertQueuedSubmission>[0]) {
  try {
    return await insertQueuedSubmission(data);
  } catch (error) {
    // Two submits of the same student raced for the same attempt number: take the next one.
    if (!isUniqueViolation(error)) throw error;
    return insertQueuedSubmission(data);
  }
}

async function checkAssignmentWindow(assignmentId: string, exerciseId: string, classId: string): Promise<void> {
  const assignment = await findAssignmentForSubmission(assignmentId, exerciseId);
  if (!assignment || assignment.classId !== classId || !assignment.published) {
    throw new AppError("NOT_FOUND", "Assignment not found");
  }
  const now = Date.now();
  if (assignment.opensAt && assignment.opensAt.getTime() > now) {
    throw new AppError("FORBIDDEN", `This assignment opens at ${assignment.opensAt.toISOString()}.`);
  }
  if (assignment.dueAt && assignment.dueAt.getTime() < now && !assignment.allowLate) {
    throw new AppError("FORBIDDEN", `The deadline (${assignment.dueAt.toISOString()}) has passed and this assignment does not accept late work.`);
  }
}
