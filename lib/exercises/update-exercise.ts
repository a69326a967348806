import { storedNetworkSpec } from "@/lib/run-contract/network-spec.types";
import { parseInput } from "@/lib/config/parse-input";
import {
  countExerciseSubmissions,
  countVersionSubmissions,
  overwriteExerciseVersion,
  updateExerciseKind,
} from "@/lib/db/exercise-authoring";
import {
  findExerciseWithCurrentVersion,
  insertExerciseVersion,
  type ExerciseWithVersion,
  type NewExerciseVersion,
} from "@/lib/db/exercises";
import { withTransaction } from "@/lib/db/with-transaction";
import { AppError } from "@/lib/errors/app-error";
import { checkNetworkSpec } from "./check-network-spec";
import { checkSpecText } from "./check-spec-text";
import { isFrozen, toEditorView } from "./editor-view";
import { updateExerciseInput, type ExerciseForEditor, type UpdateExerciseInput } from "./exercise-draft.types";
import { loadManagedExercise } from "./load-managed-exercise";

/**
 * Saves the editor's changes (any subset of the fields, or the expected-trace `spec`). A draft
 * nobody submitted to changes in place; a published (or once-submitted) version is frozen, so the
 * edit becomes version n+1, which students get from now on. A regrade moves old submissions to it.
 * `network` replaces the virtual network (null removes it); omitted, the stored one is kept.
 */
export async function updateExercise(input: UpdateExerciseInput): Promise<ExerciseForEditor> {
  const { userId, exerciseId, ...changes } = parseInput(updateExerciseInput, input);
  if (changes.spec !== undefined) checkSpecText(changes.spec);
  const network = changes.network === undefined ? undefined : checkNetworkSpec(changes.network);
  await loadManagedExercise({ userId, exerciseId });
  return withTransaction(async (tx) => {
    const exercise = await findExerciseWithCurrentVersion(exerciseId, tx);
    if (!exercise) throw new AppError("NOT_FOUND", "Exercise not found", { key: "exercise.notFound" });
    const submissions = await countExerciseSubmissions(exerciseId, tx);
    if (changes.kind && changes.kind !== exercise.kind) {
      if (submissions > 0)
        throw new AppError("CONFLICT", "This exercise already has submissions: its kind cannot change.", {
          key: "exercise.kindFixed",
          details: { kind: ["fixed once students submitted"] },
        });
      await updateExerciseKind(exerciseId, changes.kind, tx);
    }
    const kind = changes.kind ?? exercise.kind;
    const content = mergedContent(exercise, { ...changes, kind }, network);
    const versionSubmissions = await countVersionSubmissions(exercise.version.id, tx);
    const frozen = isFrozen(exercise.status, versionSubmissions);
    const version = frozen
      ? await insertExerciseVersion(exerciseId, content, tx)
      : await overwriteExerciseVersion(exercise.version.id, content, tx);
    return toEditorView(
      { ...exercise, kind, currentVersion: version.version, version },
      submissions,
      frozen ? 0 : versionSubmissions,
    );
  });
}

type Changes = Omit<ReturnType<typeof updateExerciseInput.parse>, "userId" | "exerciseId">;

function mergedContent(
  exercise: ExerciseWithVersion,
  changes: Changes & { kind: ExerciseWithVersion["kind"] },
  /** The new network (null removes it); undefined keeps the stored one. */
  network: NewExerciseVersion["network"] | undefined,
): NewExerciseVersion {
  const { version } = exercise;
  return {
    titleEn: changes.title?.en ?? version.titleEn,
    titleZh: changes.title ? (changes.title.zh ?? changes.title.en) : version.titleZh,
    promptEn: changes.prompt?.en ?? version.promptEn,
    promptZh: changes.prompt ? (changes.prompt.zh ?? changes.prompt.en) : version.promptZh,
    starterCode: changes.kind === "PREDICT_OUTPUT" ? "" : (changes.starter ?? version.starterCode),
    referenceSolution: changes.solution ?? version.referenceSolution,
    expectedSpec: changes.spec ?? version.expectedSpec,
    schedules: changes.schedules ?? version.schedules,
    limits: changes.limits ? { ...changes.limits } : version.limits,
    points: changes.points ?? version.points,
    forbiddenNotes: stringArray(version.forbiddenNotes),
    network: network === undefined ? storedNetworkSpec(version.network) : network,
    packageExtras:
      typeof version.packageExtras === "object" && version.packageExtras !== null ? version.packageExtras : undefined,
  };
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}
