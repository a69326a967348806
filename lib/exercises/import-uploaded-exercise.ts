import { z } from "zod";
import { parseInput } from "@/lib/config/parse-input";
import { predictionAnswerSchema, wrongSolutionManifestSchema, type ExercisePackage } from "./exercise-package.types";
import { idSchema, type ImportedExercise } from "./import-exercise-into-class.types";
import { importExerciseIntoClass } from "./import-exercise-into-class";

const text = z.string({ message: "must be text" });
const common = {
  // The manifest is checked in full by importExerciseIntoClass (same rules as a library folder).
  manifest: z.looseObject({ kind: z.enum(["write-code", "predict-output"]) }),
  prompts: z.object({ en: text, zh: text }),
  expectedTrace: text,
};
const uploadedPackageSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("write-code"),
    ...common,
    starter: text,
    solution: text,
    wrongSolutions: z.array(wrongSolutionManifestSchema.extend({ code: text })),
  }),
  z.object({ kind: z.literal("predict-output"), ...common, program: text, answer: predictionAnswerSchema }),
]);

export const importUploadedExerciseInput = z.object({
  userId: idSchema,
  classId: idSchema,
  /** What GET /api/exercises/:id/export returns: `{ package }` (the folder format as JSON). */
  package: uploadedPackageSchema,
});

/**
 * Imports an exercise file the instructor exported earlier (from this class, another class or
 * another Interleave): a new slug becomes a draft, an existing slug its next version.
 */
export async function importUploadedExercise(
  input: z.input<typeof importUploadedExerciseInput>,
): Promise<ImportedExercise> {
  const { userId, classId, package: pkg } = parseInput(importUploadedExerciseInput, input);
  // The manifest's remaining fields are validated by importExerciseIntoClass against the full schema.
  return importExerciseIntoClass({ userId, classId, package: pkg as ExercisePackage });
}
