import { z } from "zod";
import type { SubmissionStatus } from "@/lib/grading/submission-status";

const idSchema = z.string({ message: "Missing id." }).trim().min(1, "Missing id.").max(64, "Invalid id.");

export const listSubmissionsInput = z.object({
  userId: idSchema,
  exerciseId: idSchema,
  /** Whose submissions: the caller's own by default; the class's instructor may name a student. */
  forUserId: idSchema.optional(),
});
export type ListSubmissionsInput = z.input<typeof listSubmissionsInput>;

/** One row of the history: enough to list it; GET /api/submissions/ID opens it in full. */
export interface SubmissionSummary {
  id: string;
  attemptNumber: number;
  status: SubmissionStatus;
  passed: boolean | null;
  score: number | null;
  failingSeed: number | null;
  /** The first divergence's reason and message (code + params translate it), null when none. */
  divergence: { reason: string; code: string; params: Record<string, string | number | null>; message: string } | null;
  queuedAt: string;
  gradedAt: string | null;
}

export interface SubmissionHistory {
  exerciseId: string;
  userId: string;
  submissions: SubmissionSummary[];
}
