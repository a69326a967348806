import { z } from "zod";
import { exerciseManifestSchema, predictionAnswerSchema, wrongSolutionManifestSchema } from "./exercise-package.types";

/**
 * What an ExerciseVersion row keeps of a package beyond its own columns (`packageExtras`), so that
 * a class exercise exports back to the folder it was imported from.
 */
export const packageExtrasSchema = z
  .object({
    teaches: exerciseManifestSchema.shape.teaches,
    tags: z.array(z.string()).default([]),
    tutorial: exerciseManifestSchema.shape.tutorial,
    wrongSolutions: z.array(wrongSolutionManifestSchema.extend({ code: z.string() })).optional(),
    answer: predictionAnswerSchema.optional(),
  })
  .strict();
export type PackageExtras = z.infer<typeof packageExtrasSchema>;
