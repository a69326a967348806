import type { z } from "zod";
import { parseInput } from "@/lib/config/parse-input";
import { updateVersionPackageExtras } from "@/lib/db/exercise-wrong-solutions";
import { withTransaction } from "@/lib/db/with-transaction";
import { AppError } from "@/lib/errors/app-error";
import { loadManagedExercise } from "./load-managed-exercise";
import {
  deleteWrongSolutionInput,
  readPackageExtras,
  toWrongSolutionView,
  type WrongSolutionView,
} from "./wrong-solution.types";

/** Removes a saved wrong solution by name (the exercise's owner only); 404 when there is none. */
export async function deleteWrongSolution(
  input: z.input<typeof deleteWrongSolutionInput>,
): Promise<WrongSolutionView[]> {
  const { userId, exerciseId, name } = parseInput(deleteWrongSolutionInput, input);
  return withTransaction(async (tx) => {
    const exercise = await loadManagedExercise({ userId, exerciseId }, tx);
    const extras = readPackageExtras(exercise.version.packageExtras);
    const all = extras?.wrongSolutions ?? [];
    const kept = all.filter((wrong) => wrong.file !== `wrong/${name}.py`);
    if (!extras || kept.length === all.length)
      throw new AppError("NOT_FOUND", `No wrong solution named “${name}”.`, {
        key: "wrong.notFound",
        params: { name },
      });
    await updateVersionPackageExtras(exercise.version.id, { ...extras, wrongSolutions: kept }, tx);
    return kept.map(toWrongSolutionView);
  });
}
