/**
 * "This exercise changed" from the exercise writers (lib/db/exercises.ts) to the caches of the
 * submission path (lib/db/submission-gate.ts), without either importing the other.
 */
export type ExerciseChangeListener = (exerciseId?: string) => void;

const listeners = new Set<ExerciseChangeListener>();

export function onExerciseChanged(listener: ExerciseChangeListener): void {
  listeners.add(listener);
}

/** No id: every exercise may have changed. */
export function exerciseChanged(exerciseId?: string): void {
  for (const listener of listeners) listener(exerciseId);
}
