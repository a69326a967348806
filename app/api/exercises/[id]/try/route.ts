import { tryExerciseSolution, tryExerciseSolutionInput } from "@/lib/exercises/try-exercise-solution";
import { withRoute } from "@/app/api/_lib/route";

const body = tryExerciseSolutionInput.omit({ userId: true, exerciseId: true });

/** "Try a wrong solution": any program checked against the (unsaved) spec; nothing is stored. */
export const POST = withRoute({ auth: "user", body }, async ({ user, params, body }) =>
  tryExerciseSolution({ ...body, userId: user.id, exerciseId: params.id }),
);
