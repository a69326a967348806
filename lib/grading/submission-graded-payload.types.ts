import { z } from "zod";
import type { SubmissionGradedPayload } from "@/lib/realtime/events";

/** Validates `submission:graded` events arriving from other processes over Redis. */
export const submissionGradedPayloadSchema = z.object({
  submissionId: z.string(),
  exerciseId: z.string(),
  classId: z.string(),
  userId: z.string(),
  status: z.enum(["passed", "failed", "needs_review", "infra_error"]),
  score: z.number(),
  gradedAt: z.string(),
}) satisfies z.ZodType<SubmissionGradedPayload>;
