import { exportClassExercise } from "@/lib/exercises/export-class-exercise";
import { withRoute } from "@/app/api/_lib/route";

/** The instructor's copy of the exercise as an ExercisePackage (the library's folder format, as JSON). */
export const GET = withRoute({ auth: "user" }, async ({ user, params }) => ({
  package: await exportClassExercise({ userId: user.id, exerciseId: params.id }),
}));
