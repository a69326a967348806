import { parseInput } from "@/lib/config/parse-input";
import { countExerciseSubmissions, countVersionSubmissions } from "@/lib/db/exercise-authoring";
import { toEditorView } from "./editor-view";
import type { ExerciseForEditor } from "./exercise-draft.types";
import { loadManagedExercise } from "./load-managed-exercise";
import { exerciseRefInput, type ExerciseRefInput } from "./publish-exercise.types";

/** The editor's data, answer key included; only the class's instructor gets it. */
export async function getExerciseForEditor(input: ExerciseRefInput): Promise<ExerciseForEditor> {
  const { userId, exerciseId } = parseInput(exerciseRefInput, input);
  const exercise = await loadManagedExercise({ userId, exerciseId });
  const [submissions, versionSubmissions] = await Promise.all([
    countExerciseSubmissions(exercise.id),
    countVersionSubmissions(exercise.version.id),
  ]);
  return toEditorView(exercise, submissions, versionSubmissions);
}
