import { reviewSubmission, reviewSubmissionInput } from "@/lib/dashboard/review-submission";
import { withRoute } from "@/app/api/_lib/route";

const body = reviewSubmissionInput.pick({ decision: true });

/** The instructor accepts (the checker's score counts) or rejects a submission held for review. */
export const POST = withRoute({ auth: "user", body }, async ({ user, params, body }) =>
  reviewSubmission({ userId: user.id, submissionId: params.id, decision: body.decision }),
);
