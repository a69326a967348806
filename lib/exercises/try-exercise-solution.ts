import { storedNetworkSpec } from "@/lib/run-contract/network-spec.types";
import { z } from "zod";
import { parseInput } from "@/lib/config/parse-input";
import { AppError } from "@/lib/errors/app-error";
import { exerciseLimits } from "@/lib/grading/evaluate-submission";
import { getGradingServices, type GradingServices } from "@/lib/grading/grading-services";
import type { RunResult } from "@/lib/run-contract/run-result.types";
import { checkProgram } from "@/lib/grading/check-program";
import type { ScheduleOutcome } from "@/lib/traces/check-schedules";
import type { Divergence } from "@/lib/traces/verdict.types";
import { checkSpecText } from "./check-spec-text";
import { MAX_PROGRAM_CHARS, MAX_SPEC_CHARS } from "./exercise-draft.types";
import { idSchema } from "./import-exercise-into-class.types";
import { loadManagedExercise } from "./load-managed-exercise";
import { takeRateLimit } from "@/lib/rate-limit/take-rate-limit";

export const tryExerciseSolutionInput = z.object({
  userId: idSchema,
  exerciseId: idSchema,
  code: z.string({ message: "code must be text." }).max(MAX_PROGRAM_CHARS, "The program is longer than 64 KB."),
  /** The spec being edited, before it is saved; default the saved one. */
  spec: z.string().max(MAX_SPEC_CHARS).optional(),
});

export interface TriedSolution {
  passed: boolean;
  score: number;
  firstDivergence: Divergence | null;
  failingSeed: number | null;
  outcomes: ScheduleOutcome[];
  trace: RunResult;
}

/**
 * "Try a wrong solution": checks any program against the exercise's spec under its schedules, as
 * grading would, before students see it. Nothing is stored.
 */
export async function tryExerciseSolution(
  input: z.input<typeof tryExerciseSolutionInput>,
  services: GradingServices = getGradingServices(),
): Promise<TriedSolution> {
  const { userId, exerciseId, code, spec } = parseInput(tryExerciseSolutionInput, input);
  const exercise = await loadManagedExercise({ userId, exerciseId });
  const specText = spec ?? exercise.version.expectedSpec;
  if (specText.trim() === "")
    throw new AppError("CONFLICT", "Record or write the expected trace first.", { key: "exercise.traceMissing" });
  checkSpecText(specText);
  await takeRateLimit(
    services.runLimiter,
    `record:${userId}`,
    (seconds) =>
      new AppError("RATE_LIMITED", `Too many runs: try again in ${seconds} s.`, {
        key: "rate.runs",
        params: { seconds },
      }),
  );
  const notes = exercise.version.forbiddenNotes;
  const verdict = await checkProgram({
    code,
    spec: specText,
    // 0 is automatic (a library import): the program's choice points decide, as grading does.
    schedules: exercise.version.schedules > 0 ? exercise.version.schedules : null,
    forbiddenNotes: Array.isArray(notes) ? notes.filter((note): note is string => typeof note === "string") : [],
    limits: exerciseLimits(exercise.version.limits),
    network: storedNetworkSpec(exercise.version.network),
    run: (request) => services.runner.run(request),
  });
  return {
    passed: verdict.passed,
    score: verdict.score,
    firstDivergence: verdict.firstDivergence,
    failingSeed: verdict.failingSeed,
    outcomes: verdict.outcomes,
    trace: verdict.run,
  };
}
