import { z } from "zod";
import { getExerciseForStudent } from "@/lib/exercises/get-exercise-for-student";
import { updateExerciseInput } from "@/lib/exercises/exercise-draft.types";
import { EXERCISE_STATUSES } from "@/lib/exercises/import-exercise-into-class.types";
import { publishExercise } from "@/lib/exercises/publish-exercise";
import { updateExercise } from "@/lib/exercises/update-exercise";
import { withRoute } from "@/app/api/_lib/route";

/** The student's view: prompt, starter code or the program to read; never the answer key. */
export const GET = withRoute({ auth: "user" }, async ({ user, params }) =>
  getExerciseForStudent({ userId: user.id, exerciseId: params.id }),
);

const patchBody = z.object({
  status: z.enum(EXERCISE_STATUSES, { message: "status must be DRAFT, PUBLISHED or CLOSED." }),
});

export const PATCH = withRoute({ auth: "user", body: patchBody }, async ({ user, params, body }) =>
  publishExercise({ userId: user.id, exerciseId: params.id, status: body.status }),
);

const putBody = updateExerciseInput.omit({ userId: true, exerciseId: true });

/** The editor saves any of the fields or the spec; a published exercise gets its next version. */
export const PUT = withRoute({ auth: "user", body: putBody }, async ({ user, params, body }) => ({
  exercise: await updateExercise({ ...body, userId: user.id, exerciseId: params.id }),
}));
