import { getGradebook } from "@/lib/assignments/get-gradebook";
import { withRoute } from "@/app/api/_lib/route";

/** The owner's gradebook (students × exercises, totals, the audit trail). */
export const GET = withRoute({ auth: "user" }, async ({ user, params }) =>
  getGradebook({ userId: user.id, assignmentId: params.id }),
);
