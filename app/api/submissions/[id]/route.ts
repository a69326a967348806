import { getSubmission } from "@/lib/grading/get-submission";
import { withRoute } from "@/app/api/_lib/route";

/** The author's own submission or, for the class's instructor, anyone's; otherwise 404. */
export const GET = withRoute({ auth: "user" }, async ({ user, params }) =>
  getSubmission({ userId: user.id, submissionId: params.id }),
);
