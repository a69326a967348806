import { recordExerciseSpec, recordExerciseSpecInput } from "@/lib/exercises/record-exercise-spec";
import { withRoute } from "@/app/api/_lib/route";

const body = recordExerciseSpecInput.omit({ userId: true, exerciseId: true });

/** Runs the reference solution in the sandbox and saves the proposed spec: `{ spec, trace }`. */
export const POST = withRoute({ auth: "user", body }, async ({ user, params, body }) => {
  const { spec, trace, exercise } = await recordExerciseSpec({ ...body, userId: user.id, exerciseId: params.id });
  return { spec, trace, exercise };
});
