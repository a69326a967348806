import { NextResponse } from "next/server";
import { createExercise } from "@/lib/exercises/create-exercise";
import { createExerciseInput } from "@/lib/exercises/exercise-draft.types";
import { listClassExercises } from "@/lib/exercises/list-class-exercises";
import { withRoute } from "@/app/api/_lib/route";

/** Students: published and closed exercises with their best score; the instructor: all, with status. */
export const GET = withRoute({ auth: "user" }, async ({ user, params }) =>
  listClassExercises({ userId: user.id, classId: params.id }),
);

const createBody = createExerciseInput.omit({ userId: true, classId: true });

/** The instructor writes a new exercise: 201 with the DRAFT, answer key included (only they see it). */
export const POST = withRoute({ auth: "user", body: createBody }, async ({ user, params, body }) => {
  const exercise = await createExercise({ ...body, userId: user.id, classId: params.id });
  return NextResponse.json({ exercise }, { status: 201 });
});
