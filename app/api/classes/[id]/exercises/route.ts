import { listClassExercises } from "@/lib/exercises/list-class-exercises";
import { withRoute } from "@/app/api/_lib/route";

/** Students: published and closed exercises with their best score; the instructor: all, with status. */
export const GET = withRoute({ auth: "user" }, async ({ user, params }) => listClassExercises({ userId: user.id, classId: params.id }));
