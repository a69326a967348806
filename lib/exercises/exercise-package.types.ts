import type { NetworkSpec } from "@/lib/run-contract/network-spec.types";
import { z } from "zod";
import { runLimitsSchema } from "@/lib/run-contract/run-result.types";
import { MAX_SCHEDULES } from "@/lib/traces/check-schedules";
import { DIVERGENCE_REASONS } from "@/lib/traces/verdict.types";

/**
 * One exercise of the library is one folder (docs/exercises.md):
 *
 *   exercise.json  prompt.en.md  prompt.zh.md  expected.trace
 *   write-code:     starter.py  solution.py  wrong/*.py
 *   predict-output: program.py  answer.json
 *
 * `exercise.json` is the manifest below; the folder as a whole is an `ExercisePackage`.
 */

export const EXERCISE_KINDS = ["write-code", "predict-output"] as const;
export type ExerciseKind = (typeof EXERCISE_KINDS)[number];

/** The folder name and the slug are the same string, so it must be safe as a file name and a URL. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,79}$/;
/** Wrong solutions live in `wrong/`, one level deep, as `.py` files. */
export const WRONG_FILE_PATTERN = /^wrong\/[A-Za-z0-9][A-Za-z0-9_.-]*\.py$/;

const localizedSchema = z.object({ en: z.string().trim().min(1), zh: z.string().trim().min(1) }).strict();
export type Localized = z.infer<typeof localizedSchema>;

const limitShape = runLimitsSchema.shape;
/**
 * Overrides only: the runner applies its own defaults, so the manifest (and an export of it) keeps
 * just what the author changed. Unknown keys are errors so a typo does not silently do nothing.
 */
export const limitsOverrideSchema = z
  .object({
    cpuSeconds: limitShape.cpuSeconds.unwrap().optional(),
    wallSeconds: limitShape.wallSeconds.unwrap().optional(),
    memoryMb: limitShape.memoryMb.unwrap().optional(),
    maxVirtualSeconds: limitShape.maxVirtualSeconds.unwrap().optional(),
    maxSteps: limitShape.maxSteps.unwrap().optional(),
    maxEvents: limitShape.maxEvents.unwrap().optional(),
    maxOutputBytes: limitShape.maxOutputBytes.unwrap().optional(),
    cpuStretchMs: limitShape.cpuStretchMs,
  })
  .strict();
export type LimitsOverride = z.infer<typeof limitsOverrideSchema>;

const regexSource = z.string().min(1).refine(isValidRegex, { message: "not a valid JavaScript regular expression" });

export const wrongSolutionManifestSchema = z
  .object({
    file: z.string().regex(WRONG_FILE_PATTERN, "must be wrong/NAME.py"),
    /** The reason of the first divergence this mistake must produce (lib/traces/verdict.types.ts). */
    divergence: z.enum(DIVERGENCE_REASONS),
    /** The run's final status, when it is not "ok" (the program raises or deadlocks). */
    status: z.enum(["ok", "error", "deadlock", "limit"]).optional(),
    /**
     * Schedule-robustness mistakes: the naive program passes seed 0 (CPython's own order) and fails
     * another explored schedule.
     */
    passesSeed0: z.boolean().optional(),
    explanation: localizedSchema,
  })
  .strict();
export type WrongSolutionManifest = z.infer<typeof wrongSolutionManifestSchema>;

export const exerciseManifestSchema = z
  .object({
    slug: z.string().regex(SLUG_PATTERN, "lowercase letters, digits and dashes, starting with a letter or digit"),
    kind: z.enum(EXERCISE_KINDS),
    title: localizedSchema,
    /** One sentence for the library table and the instructor's picker. */
    teaches: localizedSchema,
    points: z.number().int().min(0).max(1000),
    /**
     * The exploration budget K: at most K schedules are run (every one when the program's choice
     * tree is that small, else PCT schedules) and all must pass. Absent: the program's choice
     * points decide (exhaustive up to 64 schedules, else 16 PCT schedules). Stored as 0.
     */
    schedules: z.number().int().min(1).max(MAX_SCHEDULES).optional(),
    limits: limitsOverrideSchema.default({}),
    tags: z
      .array(z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/))
      .max(20)
      .default([]),
    tutorial: z.object({ section: z.string().min(1), title: z.string().min(1).optional() }).strict(),
    /**
     * Runs whose notes match one of these regexes fail (e.g. the legacy @asyncio.coroutine shim):
     * the trace format only sees output, and a converted program prints the same as the legacy one.
     */
    forbiddenNotes: z.array(regexSource).optional(),
    wrongSolutions: z.array(wrongSolutionManifestSchema).optional(),
  })
  .strict()
  .superRefine((manifest, ctx) => {
    const wrong = manifest.wrongSolutions ?? [];
    if (manifest.kind === "write-code" && wrong.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["wrongSolutions"],
        message: "a write-code exercise needs at least one wrong solution",
      });
    }
    if (manifest.kind === "predict-output" && wrong.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["wrongSolutions"],
        message: "predict-output exercises keep wrong predictions in answer.json",
      });
    }
    const seen = new Set<string>();
    wrong.forEach((entry, index) => {
      if (seen.has(entry.file))
        ctx.addIssue({
          code: "custom",
          path: ["wrongSolutions", index, "file"],
          message: `${entry.file} is listed twice`,
        });
      seen.add(entry.file);
      if (entry.passesSeed0 && manifest.schedules !== undefined && manifest.schedules < 2) {
        ctx.addIssue({
          code: "custom",
          path: ["wrongSolutions", index, "passesSeed0"],
          message: "needs schedules ≥ 2 to fail on another seed",
        });
      }
    });
  });
export type ExerciseManifest = z.infer<typeof exerciseManifestSchema>;
export type ExerciseManifestInput = z.input<typeof exerciseManifestSchema>;

const predictionLines = z
  .array(z.string().refine((line) => !/[\r\n]/.test(line), { message: "one printed line, without newlines" }))
  .min(1);

/** answer.json of a predict-output exercise. */
export const predictionAnswerSchema = z
  .object({
    /** What the program prints, line by line (the correct prediction). */
    lines: predictionLines,
    /** Typical wrong predictions, each with the misconception it shows (for the quiz review). */
    wrongPredictions: z.array(z.object({ lines: predictionLines, mistake: localizedSchema }).strict()).min(1),
    /**
     * Optional: the lines the student may order instead of typing (drag and drop or keyboard). Exactly
     * the answer's lines in any order; the page shuffles them (deterministically, per exercise).
     */
    lineBank: predictionLines.max(200).optional(),
  })
  .strict()
  .superRefine((answer, ctx) => {
    if (answer.lineBank && !sameLines(answer.lineBank, answer.lines)) {
      ctx.addIssue({
        code: "custom",
        path: ["lineBank"],
        message: "must hold exactly the lines of `lines` (each as often), in any order",
      });
    }
  });
export type PredictionAnswer = z.infer<typeof predictionAnswerSchema>;

export interface WrongSolution extends WrongSolutionManifest {
  code: string;
}

interface PackageCommon {
  manifest: ExerciseManifest;
  prompts: Localized;
  /** The expected-trace text (docs/expected-trace-format.md), kept as text: instructors edit it. */
  expectedTrace: string;
  /** `network.json`: the virtual hosts its programs reach (issue 15); absent: none resolves. */
  network?: NetworkSpec;
}

export interface WriteCodePackage extends PackageCommon {
  kind: "write-code";
  starter: string;
  solution: string;
  wrongSolutions: WrongSolution[];
}

export interface PredictOutputPackage extends PackageCommon {
  kind: "predict-output";
  /** The code shown to the students. */
  program: string;
  answer: PredictionAnswer;
}

export type ExercisePackage = WriteCodePackage | PredictOutputPackage;

/** The same lines, each as often, in any order. */
function sameLines(a: readonly string[], b: readonly string[]): boolean {
  const sorted = (lines: readonly string[]) => [...lines].sort().join("\n");
  return a.length === b.length && sorted(a) === sorted(b);
}

function isValidRegex(source: string): boolean {
  try {
    new RegExp(source, "u");
    return true;
  } catch {
    return false;
  }
}
