import type { SubmissionStatus } from "@/generated/prisma-sqlite/enums";
import { columnList, readValue as read, type RawRow } from "./raw-sql";
import type { SubmissionRecord } from "./submission-record";

/** Every column of SubmissionRecord, for raw `RETURNING` / `SELECT` (lib/db/submissions-raw.ts). */
export const SUBMISSION_RECORD_COLUMNS = columnList([
  "id",
  "exerciseId",
  "exerciseVersionId",
  "userId",
  "classId",
  "assignmentId",
  "liveRoundId",
  "code",
  "status",
  "attemptNumber",
  "claimAttempt",
  "passed",
  "score",
  "verdict",
  "trace",
  "firstDivergence",
  "failingSeed",
  "infraRetries",
  "infraError",
  "tamperReason",
  "queuedAt",
  "startedAt",
  "gradedAt",
  "runMs",
  "createdAt",
  "updatedAt",
]);

/** A raw Submission row as Prisma would have returned it. */
export function toSubmissionRecord(row: RawRow): SubmissionRecord & { createdAt: Date; updatedAt: Date } {
  return {
    id: read.string(row.id),
    exerciseId: read.string(row.exerciseId),
    exerciseVersionId: read.string(row.exerciseVersionId),
    userId: read.string(row.userId),
    classId: read.string(row.classId),
    assignmentId: read.stringOrNull(row.assignmentId),
    liveRoundId: read.stringOrNull(row.liveRoundId),
    code: read.string(row.code),
    status: read.string(row.status) as SubmissionStatus,
    attemptNumber: read.int(row.attemptNumber),
    claimAttempt: read.int(row.claimAttempt),
    passed: read.booleanOrNull(row.passed),
    score: read.numberOrNull(row.score),
    verdict: read.jsonOrNull(row.verdict),
    trace: read.jsonOrNull(row.trace),
    firstDivergence: read.jsonOrNull(row.firstDivergence),
    failingSeed: read.numberOrNull(row.failingSeed),
    infraRetries: read.int(row.infraRetries),
    infraError: read.stringOrNull(row.infraError),
    tamperReason: read.stringOrNull(row.tamperReason),
    queuedAt: read.date(row.queuedAt),
    startedAt: read.dateOrNull(row.startedAt),
    gradedAt: read.dateOrNull(row.gradedAt),
    runMs: read.numberOrNull(row.runMs),
    createdAt: read.date(row.createdAt),
    updatedAt: read.date(row.updatedAt),
  };
}
