import { parseInput } from "@/lib/config/parse-input";
import { updateVersionPackageExtras } from "@/lib/db/exercise-wrong-solutions";
import { findExerciseWithCurrentVersion } from "@/lib/db/exercises";
import { withTransaction } from "@/lib/db/with-transaction";
import { AppError } from "@/lib/errors/app-error";
import { getGradingServices, type GradingServices } from "@/lib/grading/grading-services";
import { loadManagedExercise } from "./load-managed-exercise";
import { tryExerciseSolution, type TriedSolution } from "./try-exercise-solution";
import {
  MAX_WRONG_SOLUTIONS,
  readPackageExtras,
  saveWrongSolutionInput,
  toWrongSolutionView,
  type SaveWrongSolutionInput,
  type StoredWrongSolution,
  type WrongSolutionView,
} from "./wrong-solution.types";

/**
 * "Try a wrong solution", kept: the program is checked against the saved spec under the
 * exercise's schedules and stored as a named wrong solution only if it FAILS (a wrong solution
 * that passes proves nothing about the spec). What the manifest records — the divergence kind, the
 * run status, whether seed 0 passes — comes from that check, so the exported folder's
 * `wrong/NAME.py` re-checks the same way on import. A name already used is replaced.
 *
 * Stored in the current version's package extras in place: wrong solutions are authoring
 * material, never what a student is graded against, so they do not make a new version.
 */
export async function saveWrongSolution(
  input: SaveWrongSolutionInput,
  services: GradingServices = getGradingServices(),
): Promise<WrongSolutionView[]> {
  const { userId, exerciseId, name, code, explanation } = parseInput(saveWrongSolutionInput, input);
  const exercise = await loadManagedExercise({ userId, exerciseId });
  if (exercise.kind !== "WRITE_CODE")
    throw new AppError("BAD_REQUEST", "Only write-code exercises have wrong solutions.", {
      key: "wrong.onlyWriteCode",
    });
  const tried = await tryExerciseSolution({ userId, exerciseId, code }, services);
  if (tried.passed)
    throw new AppError(
      "BAD_REQUEST",
      "This program passes the expected trace, so it cannot be a wrong solution: a wrong solution must fail it.",
      { key: "wrong.passes", details: { code: ["passes the expected trace"] } },
    );
  const entry = manifestEntry(name, code, tried, explanation);
  return withTransaction(async (tx) => {
    // Re-read inside the transaction: two saves at once must not drop each other's entry.
    const current = await findExerciseWithCurrentVersion(exerciseId, tx);
    if (!current) throw new AppError("NOT_FOUND", "Exercise not found", { key: "exercise.notFound" });
    const extras = readPackageExtras(current.version.packageExtras);
    if (!extras)
      throw new AppError("CONFLICT", "This exercise's package data is damaged; re-import it from a folder.", {
        key: "exercise.packageDamaged",
      });
    const others = (extras.wrongSolutions ?? []).filter((wrong) => wrong.file !== entry.file);
    if (others.length >= MAX_WRONG_SOLUTIONS)
      throw new AppError("BAD_REQUEST", `An exercise keeps at most ${MAX_WRONG_SOLUTIONS} wrong solutions.`, {
        key: "wrong.tooMany",
        params: { max: MAX_WRONG_SOLUTIONS },
      });
    const wrongSolutions = [...others, entry];
    await updateVersionPackageExtras(current.version.id, { ...extras, wrongSolutions }, tx);
    return wrongSolutions.map(toWrongSolutionView);
  });
}

function manifestEntry(
  name: string,
  code: string,
  tried: TriedSolution,
  explanation: { en?: string; zh?: string } | undefined,
): StoredWrongSolution {
  const divergence = tried.firstDivergence;
  // A failing check always names its first divergence; "status" covers a run that could not finish.
  const reason = divergence?.reason ?? "status";
  const fallback = divergence?.message ?? "Does not produce the expected trace.";
  const en = explanation?.en || fallback;
  const status = tried.trace.status;
  const seed0 = tried.outcomes.find((outcome) => outcome.seed === 0);
  return {
    file: `wrong/${name}.py`,
    divergence: reason,
    ...(status === "ok" || status === "sandbox_error" ? {} : { status }),
    ...(seed0?.passed ? { passesSeed0: true } : {}),
    explanation: { en, zh: explanation?.zh || en },
    code,
  };
}
