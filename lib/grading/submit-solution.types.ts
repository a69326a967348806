import { z } from "zod";

export const MAX_CODE_BYTES = 64 * 1024;

const idSchema = z.string({ message: "Missing id." }).trim().min(1, "Missing id.").max(64, "Invalid id.");

/** Lone UTF-16 surrogates cannot be encoded as UTF-8: the code was not valid text. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const codeSchema = z
  .string({ message: "Send the code as text." })
  .refine((code) => !LONE_SURROGATE.test(code), "The code is not valid UTF-8 text.");

export const submitSolutionInput = z.object({
  userId: idSchema,
  exerciseId: idSchema,
  code: codeSchema,
  assignmentId: idSchema.optional(),
  /** A live round's answer: refused (409) once the round is closed; scored by the round rule. */
  roundId: idSchema.optional(),
});
export type SubmitSolutionInput = z.input<typeof submitSolutionInput>;

export const runSolutionInput = z.object({ userId: idSchema, exerciseId: idSchema, code: codeSchema });
export type RunSolutionInput = z.input<typeof runSolutionInput>;
