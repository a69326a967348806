import { z } from "zod";
import { submitSolution } from "@/lib/grading/submit-solution";
import { listSubmissions } from "@/lib/grading/list-submissions";
import { jsonResponse, withRoute } from "@/app/api/_lib/route";

const body = z.object({
  code: z.string({ message: "Send the code as text." }),
  assignmentId: z.string().optional(),
  roundId: z.string().optional(),
});

/**
 * Submit: 202 once the submission is stored and queued — `{ id, status: "queued", attemptNumber,
 * queuedAt }`. The verdict arrives later (socket `submission:graded`, or GET /api/submissions/ID).
 */
export const POST = withRoute({ auth: "user", body }, async ({ user, params, body }) => {
  const submitted = await submitSolution({
    userId: user.id,
    exerciseId: params.id,
    code: body.code,
    assignmentId: body.assignmentId,
    roundId: body.roundId,
  });
  return jsonResponse(submitted, { status: 202 });
});

/**
 * History: `{ exerciseId, userId, submissions: SubmissionSummary[] }`, newest first. The caller's
 * own; the class's instructor may add `?userId=` for a student's.
 */
export const GET = withRoute({ auth: "user" }, async ({ user, params, request }) => {
  const forUserId = new URL(request.url).searchParams.get("userId") ?? undefined;
  return listSubmissions({ userId: user.id, exerciseId: params.id, forUserId });
});
