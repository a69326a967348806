import { can } from "@/lib/auth/policy";
import { requireClassAccess } from "@/lib/auth/require-class-access";
import { parseInput } from "@/lib/config/parse-input";
import { findExerciseWithCurrentVersion } from "@/lib/db/exercises";
import { listSubmissionHistory, type SubmissionHistoryRow } from "@/lib/db/submission-history";
import { AppError } from "@/lib/errors/app-error";
import {
  listSubmissionsInput,
  type ListSubmissionsInput,
  type SubmissionHistory,
  type SubmissionSummary,
} from "./list-submissions.types";

/** A page shows at most this many attempts (the newest); older ones stay in the export. */
export const HISTORY_LIMIT = 200;

/**
 * The caller's own submissions to an exercise, newest first, each with its verdict summary. The
 * class's instructor may ask for a student's (`forUserId`); for anyone else another student's
 * history, like a hidden exercise, reads as not found.
 */
export async function listSubmissions(input: ListSubmissionsInput): Promise<SubmissionHistory> {
  const { userId, exerciseId, forUserId } = parseInput(listSubmissionsInput, input);
  const exercise = await findExerciseWithCurrentVersion(exerciseId);
  if (!exercise) throw new AppError("NOT_FOUND", "Exercise not found", { key: "exercise.notFound" });
  const owner = forUserId ?? userId;
  const { actor, context } = await requireClassAccess({
    userId,
    classId: exercise.classId,
    action: "submission.view",
    submissionUserId: owner,
  });
  // A draft is invisible to students, its history included (as GET /api/exercises/ID).
  if (exercise.status === "DRAFT" && !can(actor, "exercise.manage", context).allowed)
    throw new AppError("NOT_FOUND", "Exercise not found", { key: "exercise.notFound" });
  const rows = await listSubmissionHistory({ userId: owner, exerciseId }, HISTORY_LIMIT);
  return { exerciseId, userId: owner, submissions: rows.map(toSummary) };
}

function toSummary(row: SubmissionHistoryRow): SubmissionSummary {
  const graded = row.status === "passed" || row.status === "failed";
  return {
    id: row.id,
    attemptNumber: row.attemptNumber,
    status: row.status,
    passed: graded ? row.passed : null,
    score: graded ? row.score : null,
    failingSeed: graded ? row.failingSeed : null,
    divergence: graded ? divergenceSummary(row.firstDivergence) : null,
    queuedAt: row.queuedAt.toISOString(),
    gradedAt: row.gradedAt?.toISOString() ?? null,
  };
}

function divergenceSummary(value: unknown): SubmissionSummary["divergence"] {
  if (typeof value !== "object" || value === null) return null;
  const record = value as Record<string, unknown>;
  if (typeof record.reason !== "string" || typeof record.message !== "string") return null;
  const params: Record<string, string | number | null> = {};
  if (typeof record.params === "object" && record.params !== null) {
    for (const [key, param] of Object.entries(record.params))
      if (typeof param === "string" || typeof param === "number" || param === null) params[key] = param;
  }
  return {
    reason: record.reason,
    code: typeof record.code === "string" ? record.code : "",
    params,
    message: record.message,
  };
}
