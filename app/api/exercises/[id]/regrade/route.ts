import { regradeExercise } from "@/lib/grading/regrade-exercise";
import { withRoute } from "@/app/api/_lib/route";

/** Re-queues every submission of the exercise against its current version (instructor only). */
export const POST = withRoute({ auth: "user" }, async ({ user, params }) =>
  regradeExercise({ userId: user.id, exerciseId: params.id }),
);
