import type { ExerciseWithVersion } from "@/lib/db/exercises";
import { storedNetworkSpec } from "@/lib/run-contract/network-spec.types";
import { limitsOverrideSchema, type LimitsOverride } from "./exercise-package.types";
import type { ExerciseForEditor } from "./exercise-draft.types";

/** The stored exercise as the editor shows it (the answer key included: instructors only). */
export function toEditorView(
  exercise: ExerciseWithVersion,
  submissionCount: number,
  versionSubmissions: number,
): ExerciseForEditor {
  const { version } = exercise;
  return {
    id: exercise.id,
    classId: exercise.classId,
    slug: exercise.slug,
    kind: exercise.kind,
    status: exercise.status,
    version: version.version,
    editsCreateVersion: isFrozen(exercise.status, versionSubmissions),
    submissionCount,
    title: { en: version.titleEn, zh: version.titleZh },
    prompt: { en: version.promptEn, zh: version.promptZh },
    starter: version.starterCode,
    solution: version.referenceSolution,
    spec: version.expectedSpec,
    points: version.points,
    schedules: version.schedules,
    limits: storedLimits(version.limits),
    network: storedNetworkSpec(version.network),
  };
}

/**
 * Publishing freezes a version: once students could see it (published or closed) or anyone
 * submitted against it, an edit becomes version n+1 and the old one stays for its submissions.
 */
export function isFrozen(status: ExerciseWithVersion["status"], versionSubmissions: number): boolean {
  return status !== "DRAFT" || versionSubmissions > 0;
}

function storedLimits(value: unknown): LimitsOverride {
  const parsed = limitsOverrideSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
}
