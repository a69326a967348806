import { storedNetworkSpec } from "@/lib/run-contract/network-spec.types";
import { z } from "zod";
import { parseInput } from "@/lib/config/parse-input";
import { AppError } from "@/lib/errors/app-error";
import { exerciseLimits } from "@/lib/grading/evaluate-submission";
import { getGradingServices, type GradingServices } from "@/lib/grading/grading-services";
import type { RunResult } from "@/lib/run-contract/run-result.types";
import { MAX_SCHEDULES } from "@/lib/traces/check-schedules";
import { recordSpec } from "@/lib/traces/record-spec";
import type { ExerciseForEditor } from "./exercise-draft.types";
import { idSchema } from "./import-exercise-into-class.types";
import { loadManagedExercise } from "./load-managed-exercise";
import { updateExercise } from "./update-exercise";
import { takeRateLimit } from "@/lib/rate-limit/take-rate-limit";

export const recordExerciseSpecInput = z.object({
  userId: idSchema,
  exerciseId: idSchema,
  schedules: z
    .number({ message: "schedules must be a number." })
    .int()
    .min(1)
    .max(MAX_SCHEDULES, `schedules must be 1 to ${MAX_SCHEDULES}.`)
    .optional(),
});

export interface RecordedSpec {
  /** The proposed expected-trace text, now saved on the exercise. */
  spec: string;
  /** The reference solution's run on seed 0 (its timeline). */
  trace: RunResult;
  exercise: ExerciseForEditor;
}

/**
 * "Record": runs the saved reference solution under the exercise's schedules (seeds 0..K-1) in the
 * sandbox and saves the spec proposed from them — the same recorder as
 * `npm run trace -- FILE --record --schedules K`. A solution that crashes is recorded as it is (the
 * spec then expects the error); a sandbox failure records nothing.
 */
export async function recordExerciseSpec(
  input: z.input<typeof recordExerciseSpecInput>,
  services: GradingServices = getGradingServices(),
): Promise<RecordedSpec> {
  const { userId, exerciseId, schedules } = parseInput(recordExerciseSpecInput, input);
  const exercise = await loadManagedExercise({ userId, exerciseId });
  await takeRateLimit(
    services.runLimiter,
    `record:${userId}`,
    (seconds) =>
      new AppError("RATE_LIMITED", `Too many runs: try again in ${seconds} s.`, {
        key: "rate.runs",
        params: { seconds },
      }),
  );
  // Automatic (0) records CPython's own order, seed 0; the checker still explores every schedule.
  const count = schedules ?? Math.max(1, exercise.version.schedules);
  const limits = exerciseLimits(exercise.version.limits);
  const runs: RunResult[] = [];
  const network = storedNetworkSpec(exercise.version.network);
  for (let seed = 0; seed < count; seed++) {
    const run = await services.runner
      .run({ code: exercise.version.referenceSolution, seed, limits, network })
      .catch(() => null);
    if (!run || run.status === "sandbox_error") {
      throw new AppError(
        "UNAVAILABLE",
        "The code runner is unavailable right now; nothing was recorded. Try again in a moment.",
        { key: "runner.unavailableNotRecorded" },
      );
    }
    runs.push(run);
  }
  const [first, ...alternatives] = runs;
  const { text } = recordSpec({ ...first, seed: 0 }, { alternatives });
  const saved = await updateExercise({ userId, exerciseId, spec: text, ...(schedules ? { schedules } : {}) });
  return { spec: text, trace: first, exercise: saved };
}
