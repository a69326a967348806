import { parseInput } from "@/lib/config/parse-input";
import { findRunningRound } from "@/lib/db/live-rounds";
import { AppError } from "@/lib/errors/app-error";
import { evaluateSubmission } from "./evaluate-submission";
import { RetryableGradingError } from "./grading-queue.types";
import { getGradingServices, type GradingServices } from "./grading-services";
import { loadExerciseForSubmission } from "./load-exercise-for-submission";
import type { RunView } from "./submission-view.types";
import { runSolutionInput, type RunSolutionInput } from "./submit-solution.types";
import { toRunView } from "./to-submission-view";
import { takeRateLimit } from "@/lib/rate-limit/take-rate-limit";

/**
 * "Run" (try it): the same sandbox and checker as grading, on schedule 0 only, returned directly
 * and stored nowhere. Rate-limited separately from Submit. Tamper detection stays out of the view:
 * telling a student what was detected would only help them hide it.
 */
export async function runSolution(
  input: RunSolutionInput,
  services: GradingServices = getGradingServices(),
): Promise<RunView> {
  const { userId, exerciseId, code } = parseInput(runSolutionInput, input);
  const exercise = await loadExerciseForSubmission({ userId, exerciseId, code });
  // Running the shown program would print the answer of the quiz.
  if (exercise.kind === "PREDICT_OUTPUT")
    throw new AppError("BAD_REQUEST", "Predict-the-output exercises cannot be run: submit your prediction instead.", {
      key: "exercise.predictCannotRun",
    });
  await takeRateLimit(
    services.runLimiter,
    `run:${userId}`,
    (seconds) =>
      new AppError("RATE_LIMITED", `Too many runs: try again in ${seconds} s.`, {
        key: "rate.runs",
        params: { seconds },
      }),
  );
  try {
    const evaluation = await evaluateSubmission(
      { kind: exercise.kind, code, version: { ...exercise.version, schedules: 1 } },
      (request) => services.runner.run(request),
    );
    // During a live round on this exercise a run shows the student's own output and pass/fail,
    // never the expected lines (a neighbour's screen must not give the round away).
    const round = await findRunningRound(exercise.classId);
    return toRunView(evaluation, { withheld: round?.exerciseId === exercise.id });
  } catch (error) {
    // The one translation of an infrastructure failure for a caller who is waiting: 503.
    if (error instanceof RetryableGradingError) {
      throw new AppError("UNAVAILABLE", "The code runner is unavailable right now; please try again in a moment.", {
        key: "runner.unavailable",
      });
    }
    throw error;
  }
}
