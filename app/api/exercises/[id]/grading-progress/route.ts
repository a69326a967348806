import { getGradingProgress } from "@/lib/grading/get-grading-progress";
import { withRoute } from "@/app/api/_lib/route";

export const GET = withRoute({ auth: "user" }, async ({ user, params }) =>
  getGradingProgress({ userId: user.id, exerciseId: params.id }),
);
