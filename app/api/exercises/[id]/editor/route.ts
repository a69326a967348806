import { getExerciseForEditor } from "@/lib/exercises/get-exercise-for-editor";
import { withRoute } from "@/app/api/_lib/route";

/** The instructor's copy with the answer key (solution, spec); others get 404/403. */
export const GET = withRoute({ auth: "user" }, async ({ user, params }) => ({
  exercise: await getExerciseForEditor({ userId: user.id, exerciseId: params.id }),
}));
