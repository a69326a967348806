import { importExerciseFolder, importExerciseFolderInput } from "@/lib/exercises/import-exercise-folder";
import { withRoute } from "@/app/api/_lib/route";

const body = importExerciseFolderInput.pick({ files: true });

/** Imports an exercise folder picked in the browser (or a .zip it unpacked): `{ files: { "exercise.json": …, … } }`. */
export const POST = withRoute({ auth: "user", body }, async ({ user, params, body }) =>
  importExerciseFolder({ userId: user.id, classId: params.id, files: body.files }),
);
