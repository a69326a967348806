import { z } from "zod";
import type { NetworkSpec } from "@/lib/run-contract/network-spec.types";
import { MAX_SCHEDULES } from "@/lib/traces/check-schedules";
import { limitsOverrideSchema, SLUG_PATTERN, type LimitsOverride } from "./exercise-package.types";
import { idSchema, type ExerciseStatusValue } from "./import-exercise-into-class.types";

/** What an instructor types in the browser (or a script sends): the exercise's editable fields. */
export const MAX_PROMPT_CHARS = 20_000;
export const MAX_PROGRAM_CHARS = 64 * 1024;
export const MAX_SPEC_CHARS = 64 * 1024;
/** Schedules 0: automatic, the program's choice points decide (lib/grading/explore-schedules.ts). */
export const AUTO_SCHEDULES = 0;
const SCHEDULES_MESSAGE = `schedules must be 0 (automatic) or a whole number from 1 to ${MAX_SCHEDULES}.`;

/** Scripts may say "write-code" (the folder format) or "WRITE_CODE" (the API's responses). */
export const draftKindSchema = z
  .enum(["write-code", "predict-output", "WRITE_CODE", "PREDICT_OUTPUT"], {
    message: "kind must be write-code or predict-output.",
  })
  .transform(
    (kind) =>
      (kind === "write-code" || kind === "WRITE_CODE" ? "WRITE_CODE" : "PREDICT_OUTPUT") as
        "WRITE_CODE" | "PREDICT_OUTPUT",
  );

const optionalZh = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .optional()
    .transform((text) => (text ? text : undefined));

export const draftTitleSchema = z.object({
  en: z
    .string({ message: "The English title is required." })
    .trim()
    .min(1, "The English title is required.")
    .max(200, "at most 200 characters"),
  zh: optionalZh(200),
});

/**
 * Prompts are Markdown files (prompt.en.md): kept as typed, not trimmed, so saving a library
 * exercise unchanged keeps its text byte for byte (and its export equal to the library's).
 */
export const draftPromptSchema = z.object({
  en: z
    .string({ message: "The English prompt is required." })
    .max(MAX_PROMPT_CHARS, `at most ${MAX_PROMPT_CHARS} characters`)
    .refine((text) => text.trim() !== "", "The English prompt is required."),
  zh: z
    .string()
    .max(MAX_PROMPT_CHARS, `at most ${MAX_PROMPT_CHARS} characters`)
    .optional()
    .transform((text) => (text?.trim() ? text : undefined)),
});

const program = (what: string) =>
  z.string({ message: `${what} must be text.` }).max(MAX_PROGRAM_CHARS, `${what} is longer than 64 KB.`);

export const draftFieldsSchema = z.object({
  kind: draftKindSchema,
  title: draftTitleSchema,
  prompt: draftPromptSchema,
  starter: program("The starter code"),
  solution: program("The solution").refine((code) => code.trim() !== "", "The reference solution is required."),
  points: z.number({ message: "points must be a number." }).int("points must be a whole number.").min(0).max(1000),
  /**
   * The exploration budget K; 0 is "automatic", as a library exercise without `schedules` is stored:
   * the program's choice points decide (every order up to 64 schedules, else 16 PCT schedules).
   */
  schedules: z
    .number({ message: "schedules must be a number." })
    .int(SCHEDULES_MESSAGE)
    .min(0, SCHEDULES_MESSAGE)
    .max(MAX_SCHEDULES, SCHEDULES_MESSAGE),
  limits: limitsOverrideSchema,
  spec: z.string().max(MAX_SPEC_CHARS, "The expected trace is longer than 64 KB."),
  /** network.json as an object, or null for none; checked by checkNetworkSpec for readable paths. */
  network: z.unknown(),
});

export const createExerciseInput = z.object({
  userId: idSchema,
  classId: idSchema,
  kind: draftFieldsSchema.shape.kind,
  title: draftTitleSchema,
  prompt: draftPromptSchema,
  starter: draftFieldsSchema.shape.starter.default(""),
  solution: draftFieldsSchema.shape.solution,
  points: draftFieldsSchema.shape.points.default(100),
  schedules: draftFieldsSchema.shape.schedules.default(1),
  limits: limitsOverrideSchema.optional(),
  spec: draftFieldsSchema.shape.spec.optional(),
  network: draftFieldsSchema.shape.network.optional(),
  slug: z.string().regex(SLUG_PATTERN, "slug: lowercase letters, digits and dashes").optional(),
});
export type CreateExerciseInput = z.input<typeof createExerciseInput>;

export const updateExerciseInput = draftFieldsSchema.partial().extend({ userId: idSchema, exerciseId: idSchema });
export type UpdateExerciseInput = z.input<typeof updateExerciseInput>;

/** Everything the editor shows, answer key included: only the class's instructor ever gets it. */
export interface ExerciseForEditor {
  id: string;
  classId: string;
  slug: string;
  kind: "WRITE_CODE" | "PREDICT_OUTPUT";
  status: ExerciseStatusValue;
  version: number;
  /** Editing now changes this version in place (a draft nobody submitted to) or adds the next one. */
  editsCreateVersion: boolean;
  submissionCount: number;
  title: { en: string; zh: string };
  prompt: { en: string; zh: string };
  starter: string;
  solution: string;
  spec: string;
  points: number;
  /** 0: automatic (AUTO_SCHEDULES). */
  schedules: number;
  limits: LimitsOverride;
  /** The virtual network (network.json); null: none, no host name resolves. Staff only. */
  network: NetworkSpec | null;
}
