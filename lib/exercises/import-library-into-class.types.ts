import { z } from "zod";
import { SLUG_PATTERN } from "./exercise-package.types";
import { idSchema, type ImportedExercise } from "./import-exercise-into-class.types";

export const importLibraryInput = z.object({
  userId: idSchema,
  classId: idSchema,
  /** Only these library exercises; all of them when absent. */
  slugs: z.array(z.string().regex(SLUG_PATTERN, "Not an exercise slug.")).max(200).optional(),
  /** Publish what is imported (new and existing); otherwise new exercises start as drafts. */
  publish: z.boolean().optional(),
});
export type ImportLibraryInput = z.input<typeof importLibraryInput>;

export interface ImportLibraryResult {
  exercises: ImportedExercise[];
  created: number;
  versioned: number;
  unchanged: number;
}
