import { deleteWrongSolution } from "@/lib/exercises/delete-wrong-solution";
import { withRoute } from "@/app/api/_lib/route";

/** Removes the wrong solution `wrong/NAME.py` (owner only): `{ wrongSolutions }` left. */
export const DELETE = withRoute({ auth: "user" }, async ({ user, params }) => ({
  wrongSolutions: await deleteWrongSolution({ userId: user.id, exerciseId: params.id, name: params.name }),
}));
