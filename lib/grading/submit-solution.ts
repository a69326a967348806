import { parseInput } from "@/lib/config/parse-input";
import { checkAssignmentSubmission } from "@/lib/assignments/check-assignment-submission";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import { insertQueuedSubmission } from "@/lib/db/submissions";
import type { NewSubmission } from "@/lib/db/submission-record";
import { insertQueuedSubmissions } from "@/lib/db/submissions-batch";
import { createBatcher, REQUEST_STREAM_LINGER } from "@/lib/db/submissions-batcher";
import { AppError } from "@/lib/errors/app-error";
import { requireOpenRound } from "@/lib/rounds/require-open-round";
import { getGradingServices, type GradingServices } from "./grading-services";
import { loadExerciseForSubmission } from "./load-exercise-for-submission";
import { submitSolutionInput, type SubmitSolutionInput } from "./submit-solution.types";
import { takeRateLimit } from "@/lib/rate-limit/take-rate-limit";

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
export async function submitSolution(
  input: SubmitSolutionInput,
  services: GradingServices = getGradingServices(),
): Promise<SubmittedSolution> {
  const { userId, exerciseId, code, assignmentId, roundId } = parseInput(submitSolutionInput, input);
  const exercise = await loadExerciseForSubmission({ userId, exerciseId, code });
  // The assignment's window, extension and attempts limit (lib/assignments); refusals store nothing.
  if (assignmentId)
    await checkAssignmentSubmission({ assignmentId, exerciseId: exercise.id, classId: exercise.classId, userId });
  if (roundId) await requireOpenRound({ roundId, exerciseId: exercise.id, classId: exercise.classId });
  await takeRateLimit(
    services.submitLimiter,
    `submit:${userId}`,
    (seconds) =>
      new AppError("RATE_LIMITED", `Too many submissions: try again in ${seconds} s.`, {
        key: "rate.submissions",
        params: { seconds },
      }),
  );
  const submission = await insertBatched({
    lastAttempt: exercise.lastAttemptNumber,
    data: {
      exerciseId: exercise.id,
      exerciseVersionId: exercise.version.id,
      classId: exercise.classId,
      userId,
      code,
      assignmentId: assignmentId ?? null,
      liveRoundId: roundId ?? null,
    },
  });
  await services.queue.enqueue(submission.id).catch((error: unknown) => {
    console.error(`[grading] enqueue of ${submission.id} failed; recovery will retry it`, error);
  });
  return {
    id: submission.id,
    status: "queued",
    attemptNumber: submission.attemptNumber,
    queuedAt: submission.queuedAt.toISOString(),
  };
}

type Insert = { lastAttempt: number; data: NewSubmission };

/**
 * The submits of a burst arriving together are inserted together (one statement); a batch that
 * clashes on an attempt number falls back to inserting each one by one below.
 */
const insertBatched = createBatcher({
  linger: REQUEST_STREAM_LINGER,
  single: ({ lastAttempt, data }: Insert) => insertWithNextAttempt(lastAttempt, data),
  many: (inserts: Insert[]) =>
    insertQueuedSubmissions(inserts.map(({ lastAttempt, data }) => ({ ...data, attemptNumber: lastAttempt + 1 }))),
});

async function insertWithNextAttempt(lastAttempt: number, data: NewSubmission) {
  try {
    return await insertQueuedSubmission(data, undefined, lastAttempt);
  } catch (error) {
    // Two submits of the same student raced for the same attempt number (or one was stored since
    // the gate read the last one): read the last number again and take the next one.
    if (!isUniqueViolation(error)) throw error;
    return insertQueuedSubmission(data);
  }
}
