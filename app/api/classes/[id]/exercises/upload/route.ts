import { importUploadedExercise, importUploadedExerciseInput } from "@/lib/exercises/import-uploaded-exercise";
import { withRoute } from "@/app/api/_lib/route";

const body = importUploadedExerciseInput.pick({ package: true });

/** Imports an exported exercise file (`{ package }`, as GET /api/exercises/:id/export returns it). */
export const POST = withRoute({ auth: "user", body }, async ({ user, params, body }) =>
  importUploadedExercise({ userId: user.id, classId: params.id, package: body.package }),
);
