import { storedNetworkSpec, type NetworkSpec } from "@/lib/run-contract/network-spec.types";
import { requireClassAccess } from "@/lib/auth/require-class-access";
import { parseInput } from "@/lib/config/parse-input";
import { findExerciseWithCurrentVersion, type ExerciseWithVersion } from "@/lib/db/exercises";
import { AppError } from "@/lib/errors/app-error";
import {
  exerciseManifestSchema,
  limitsOverrideSchema,
  type ExerciseManifest,
  type ExercisePackage,
} from "./exercise-package.types";
import { packageExtrasSchema, type PackageExtras } from "./package-extras.types";
import { exerciseRefInput, type ExerciseRefInput } from "./publish-exercise.types";

/**
 * The current version of a class exercise as an ExercisePackage, ready for exportExercisePackage
 * (a folder in git): the version row's columns plus the package fields kept in `packageExtras`.
 */
export async function exportClassExercise(input: ExerciseRefInput): Promise<ExercisePackage> {
  const { userId, exerciseId } = parseInput(exerciseRefInput, input);
  const exercise = await findExerciseWithCurrentVersion(exerciseId);
  if (!exercise) throw new AppError("NOT_FOUND", "Exercise not found", { key: "exercise.notFound" });
  await requireClassAccess({
    userId,
    classId: exercise.classId,
    action: "exercise.manage",
    unpublished: exercise.status === "DRAFT",
  });
  const extras = packageExtrasSchema.safeParse(exercise.version.packageExtras);
  if (!extras.success) {
    throw new AppError(
      "UNPROCESSABLE",
      `“${exercise.slug}” lacks the package data an export needs (teaches, tutorial, wrong solutions or answer); import it from a folder first.`,
      { key: "export.missingPackageData", params: { slug: exercise.slug } },
    );
  }
  const manifest = manifestOf(exercise, extras.data);
  const { version } = exercise;
  const common = {
    manifest,
    prompts: { en: version.promptEn, zh: version.promptZh },
    expectedTrace: version.expectedSpec,
    ...networkOf(version.network),
  };
  if (exercise.kind === "WRITE_CODE") {
    return {
      ...common,
      kind: "write-code",
      starter: version.starterCode,
      solution: version.referenceSolution,
      wrongSolutions: extras.data.wrongSolutions ?? [],
    };
  }
  if (!extras.data.answer)
    throw new AppError("UNPROCESSABLE", `“${exercise.slug}” has no stored answer to export.`, {
      key: "export.noAnswer",
      params: { slug: exercise.slug },
    });
  return { ...common, kind: "predict-output", program: version.referenceSolution, answer: extras.data.answer };
}

function networkOf(stored: unknown): { network?: NetworkSpec } {
  const network = storedNetworkSpec(stored);
  return network ? { network } : {};
}

function manifestOf(exercise: ExerciseWithVersion, extras: PackageExtras): ExerciseManifest {
  const { version } = exercise;
  const limits = limitsOverrideSchema.safeParse(version.limits ?? {});
  const forbiddenNotes =
    Array.isArray(version.forbiddenNotes) && version.forbiddenNotes.length > 0 ? version.forbiddenNotes : undefined;
  const wrongSolutions = extras.wrongSolutions?.map(({ code: _code, ...entry }) => entry);
  // Re-validated so an export never writes a folder the loader would refuse.
  const manifest = exerciseManifestSchema.safeParse({
    slug: exercise.slug,
    kind: exercise.kind === "WRITE_CODE" ? "write-code" : "predict-output",
    title: { en: version.titleEn, zh: version.titleZh },
    teaches: extras.teaches,
    points: version.points,
    ...(version.schedules > 0 ? { schedules: version.schedules } : {}),
    limits: limits.success ? limits.data : {},
    tags: extras.tags,
    tutorial: extras.tutorial,
    ...(forbiddenNotes ? { forbiddenNotes } : {}),
    ...(wrongSolutions ? { wrongSolutions } : {}),
  });
  if (!manifest.success)
    throw new AppError(
      "UNPROCESSABLE",
      `“${exercise.slug}” cannot be exported: ${manifest.error.issues[0]?.message ?? "invalid manifest"}`,
      {
        key: "export.invalidManifest",
        params: { slug: exercise.slug, reason: manifest.error.issues[0]?.message ?? "invalid manifest" },
      },
    );
  return manifest.data;
}
