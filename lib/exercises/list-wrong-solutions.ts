import type { z } from "zod";
import { parseInput } from "@/lib/config/parse-input";
import { exerciseRefInput } from "./publish-exercise.types";
import { loadManagedExercise } from "./load-managed-exercise";
import { readPackageExtras, toWrongSolutionView, type WrongSolutionView } from "./wrong-solution.types";

/** The exercise's saved wrong solutions with their code, for its owner (the editor's list). */
export async function listWrongSolutions(input: z.input<typeof exerciseRefInput>): Promise<WrongSolutionView[]> {
  const { userId, exerciseId } = parseInput(exerciseRefInput, input);
  const exercise = await loadManagedExercise({ userId, exerciseId });
  return (readPackageExtras(exercise.version.packageExtras)?.wrongSolutions ?? []).map(toWrongSolutionView);
}
