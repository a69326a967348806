import type { SubmissionStatus } from "@/generated/prisma-sqlite/enums";

/** A Submission row as lib/db returns it (Prisma's or the raw statements' — the same shape). */
export interface SubmissionRecord {
  id: string;
  exerciseId: string;
  exerciseVersionId: string;
  userId: string;
  classId: string;
  assignmentId: string | null;
  liveRoundId: string | null;
  code: string;
  status: SubmissionStatus;
  attemptNumber: number;
  claimAttempt: number;
  passed: boolean | null;
  score: number | null;
  verdict: unknown;
  trace: unknown;
  firstDivergence: unknown;
  failingSeed: number | null;
  infraRetries: number;
  infraError: string | null;
  tamperReason: string | null;
  queuedAt: Date;
  startedAt: Date | null;
  gradedAt: Date | null;
  runMs: number | null;
}

export interface NewSubmission {
  exerciseId: string;
  exerciseVersionId: string;
  userId: string;
  classId: string;
  code: string;
  assignmentId?: string | null;
  liveRoundId?: string | null;
}

export interface GradedFields {
  status: "passed" | "failed" | "needs_review";
  passed: boolean;
  score: number;
  /** Validated by lib/grading before it is written (the only writer). */
  verdict: object;
  trace: object | null;
  tamperReason: string | null;
  firstDivergence: object | null;
  failingSeed: number | null;
  runMs: number;
}
