import { z } from "zod";
import type { DivergenceReason } from "@/lib/traces/verdict.types";
import { MAX_PROGRAM_CHARS } from "./exercise-draft.types";
import { idSchema } from "./import-exercise-into-class.types";
import { packageExtrasSchema, type PackageExtras } from "./package-extras.types";

/** A wrong solution's name: its file in the exported folder is `wrong/<name>.py`. */
export const wrongSolutionNameSchema = z
  .string({ message: "name must be text." })
  .trim()
  .transform((name) => name.replace(/\.py$/, ""))
  .pipe(
    z
      .string()
      .min(1, "Give the wrong solution a name.")
      .max(60, "The name is longer than 60 characters.")
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9_.-]*$/,
        "Use letters, digits, dots, dashes and underscores, starting with a letter or digit (it becomes wrong/NAME.py).",
      ),
  );

const explanationText = z.string().trim().max(2000, "The explanation is longer than 2000 characters.");

export const saveWrongSolutionInput = z.object({
  userId: idSchema,
  exerciseId: idSchema,
  name: wrongSolutionNameSchema,
  code: z
    .string({ message: "code must be text." })
    .max(MAX_PROGRAM_CHARS, "The program is longer than 64 KB.")
    .refine((code) => code.trim() !== "", "The program is empty."),
  /** What this mistake teaches; default: the checker's message for its first divergence. */
  explanation: z.object({ en: explanationText.optional(), zh: explanationText.optional() }).optional(),
});
export type SaveWrongSolutionInput = z.input<typeof saveWrongSolutionInput>;

export const deleteWrongSolutionInput = z.object({
  userId: idSchema,
  exerciseId: idSchema,
  name: wrongSolutionNameSchema,
});

/** At most this many per exercise (the manifest stays readable; each is run on every check). */
export const MAX_WRONG_SOLUTIONS = 20;

export interface WrongSolutionView {
  name: string;
  file: string;
  divergence: DivergenceReason;
  status?: "ok" | "error" | "deadlock" | "limit";
  passesSeed0?: boolean;
  explanation: { en: string; zh: string };
  code: string;
}

export type StoredWrongSolution = NonNullable<PackageExtras["wrongSolutions"]>[number];

/** The version's extras (a browser-written exercise has them from creation; old rows may not). */
export function readPackageExtras(stored: unknown): PackageExtras | null {
  const parsed = packageExtrasSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

export function nameOfFile(file: string): string {
  return file.replace(/^wrong\//, "").replace(/\.py$/, "");
}

export function toWrongSolutionView(entry: StoredWrongSolution): WrongSolutionView {
  return { ...entry, name: nameOfFile(entry.file) };
}
