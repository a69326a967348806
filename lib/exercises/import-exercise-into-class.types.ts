import { z } from "zod";

/** Shared pieces of the class-exercise use cases' input schemas. */
export const idSchema = z.string({ message: "Missing id." }).trim().min(1, "Missing id.").max(64, "Invalid id.");

export const EXERCISE_STATUSES = ["DRAFT", "PUBLISHED", "CLOSED"] as const;
export const exerciseStatusSchema = z.enum(EXERCISE_STATUSES, {
  message: "Status must be DRAFT, PUBLISHED or CLOSED.",
});
export type ExerciseStatusValue = z.infer<typeof exerciseStatusSchema>;

/**
 * The package itself is typed (it comes from loadExercisePackage) and re-checked by the use case;
 * zod only guards the ids and the status a caller passes along with it.
 */
export const importExerciseInput = z.object({
  userId: idSchema,
  classId: idSchema,
  /** Applied to a new exercise (default DRAFT) and, when given, to an existing one. */
  status: exerciseStatusSchema.optional(),
});

export type ImportOutcome = "created" | "versioned" | "unchanged";

export interface ImportedExercise {
  id: string;
  slug: string;
  kind: "WRITE_CODE" | "PREDICT_OUTPUT";
  status: ExerciseStatusValue;
  /** The current version after the import. */
  version: number;
  outcome: ImportOutcome;
}
