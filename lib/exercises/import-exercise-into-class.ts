import type { z } from "zod";
import { requireClassAccess } from "@/lib/auth/require-class-access";
import { parseInput } from "@/lib/config/parse-input";
import {
  findExerciseBySlug,
  findExerciseWithCurrentVersion,
  insertExercise,
  insertExerciseVersion,
  nextExercisePosition,
  updateExerciseStatus,
  type ExerciseVersionRecord,
  type NewExerciseVersion,
} from "@/lib/db/exercises";
import type { DbClient } from "@/lib/db/get-db";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import { withTransaction } from "@/lib/db/with-transaction";
import { AppError } from "@/lib/errors/app-error";
import { parseSpec } from "@/lib/traces/parse-spec";
import { SpecParseError } from "@/lib/traces/spec.types";
import { exerciseManifestSchema, type ExercisePackage } from "./exercise-package.types";
import type { PackageExtras } from "./package-extras.types";
import { importExerciseInput, type ImportedExercise, type ImportOutcome } from "./import-exercise-into-class.types";

export type ImportExerciseIntoClassInput = z.input<typeof importExerciseInput> & { package: ExercisePackage };

/**
 * Puts an exercise package into a class. The slug identifies the exercise within the class:
 * importing a slug again adds version n+1 when the stored content changed and is a no-op
 * otherwise, so submissions already graded keep the version they were graded against.
 */
export async function importExerciseIntoClass(input: ImportExerciseIntoClassInput): Promise<ImportedExercise> {
  const { userId, classId, status } = parseInput(importExerciseInput, input);
  const pkg = checkPackage(input.package);
  await requireClassAccess({ userId, classId, action: "exercise.manage" });
  try {
    return await withTransaction((tx) => upsertExercise(classId, pkg, status, tx));
  } catch (error) {
    // Two imports of the same new slug raced: the other one created it, so this one compares.
    if (!isUniqueViolation(error)) throw error;
    return withTransaction((tx) => upsertExercise(classId, pkg, status, tx));
  }
}

async function upsertExercise(
  classId: string,
  pkg: ExercisePackage,
  status: ImportedExercise["status"] | undefined,
  tx: DbClient,
): Promise<ImportedExercise> {
  const kind = pkg.kind === "write-code" ? "WRITE_CODE" : "PREDICT_OUTPUT";
  const content = versionContentOf(pkg);
  const slug = pkg.manifest.slug;
  const existing = await findExerciseBySlug(classId, slug, tx);
  if (!existing) {
    const position = await nextExercisePosition(classId, tx);
    const created = await insertExercise(
      { classId, slug, kind, status: status ?? "DRAFT", position, version: content },
      tx,
    );
    return summary(created, created.version.version, "created");
  }
  if (existing.kind !== kind) {
    throw new AppError(
      "CONFLICT",
      `“${slug}” already exists in this class as a ${existing.kind === "WRITE_CODE" ? "write-code" : "predict-output"} exercise; use another slug.`,
      { key: "import.slugExists", params: { slug, kind: existing.kind === "WRITE_CODE" ? "write" : "predict" } },
    );
  }
  const current = await findExerciseWithCurrentVersion(existing.id, tx);
  let outcome: ImportOutcome = "unchanged";
  let version = current?.version.version ?? existing.currentVersion;
  if (!current || !sameContent(content, current.version)) {
    version = (await insertExerciseVersion(existing.id, content, tx)).version;
    outcome = "versioned";
  }
  if (status && status !== existing.status) await updateExerciseStatus(existing.id, status, tx);
  return summary({ ...existing, status: status ?? existing.status }, version, outcome);
}

/**
 * What an ExerciseVersion row stores of a package. Predict-output exercises keep the shown program
 * as the reference solution and have no starter code; everything else the folder holds goes to
 * `packageExtras`, so the exercise exports back unchanged.
 */
function versionContentOf(pkg: ExercisePackage): NewExerciseVersion {
  const { manifest } = pkg;
  const extras: PackageExtras = {
    teaches: manifest.teaches,
    tags: manifest.tags,
    tutorial: manifest.tutorial,
    ...(pkg.kind === "write-code" ? { wrongSolutions: pkg.wrongSolutions } : { answer: pkg.answer }),
  };
  return {
    forbiddenNotes: manifest.forbiddenNotes ?? [],
    packageExtras: extras,
    network: pkg.network ?? null,
    titleEn: manifest.title.en,
    titleZh: manifest.title.zh,
    promptEn: pkg.prompts.en,
    promptZh: pkg.prompts.zh,
    starterCode: pkg.kind === "write-code" ? pkg.starter : "",
    referenceSolution: pkg.kind === "write-code" ? pkg.solution : pkg.program,
    expectedSpec: pkg.expectedTrace,
    schedules: manifest.schedules ?? 0, // 0: the program's choice points decide
    limits: { ...manifest.limits },
    points: manifest.points,
  };
}

function sameContent(next: NewExerciseVersion, stored: ExerciseVersionRecord): boolean {
  return (
    next.titleEn === stored.titleEn &&
    next.titleZh === stored.titleZh &&
    next.promptEn === stored.promptEn &&
    next.promptZh === stored.promptZh &&
    next.starterCode === stored.starterCode &&
    next.referenceSolution === stored.referenceSolution &&
    next.expectedSpec === stored.expectedSpec &&
    next.schedules === stored.schedules &&
    next.points === stored.points &&
    canonicalJson(next.limits) === canonicalJson(stored.limits) &&
    canonicalJson(next.forbiddenNotes ?? []) === canonicalJson(stored.forbiddenNotes ?? []) &&
    canonicalJson(next.packageExtras) === canonicalJson(stored.packageExtras) &&
    canonicalJson(next.network ?? null) === canonicalJson(stored.network ?? null)
  );
}

/** Key order is not content: PostgreSQL's jsonb reorders keys. */
function canonicalJson(value: unknown): string {
  if (typeof value !== "object" || value === null) return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** The package is typed but may come from anywhere (a CLI folder, a future upload): re-check it. */
function checkPackage(pkg: ExercisePackage): ExercisePackage {
  if (typeof pkg !== "object" || pkg === null || pkg.kind !== pkg.manifest?.kind) {
    throw new AppError("UNPROCESSABLE", "The exercise package is malformed: its kind and its manifest's kind differ.", {
      key: "import.kindMismatch",
    });
  }
  const manifest = exerciseManifestSchema.safeParse(pkg.manifest);
  if (!manifest.success) {
    const details = Object.fromEntries(
      manifest.error.issues.map((issue) => [`exercise.json:${issue.path.map(String).join(".")}`, [issue.message]]),
    );
    throw new AppError("UNPROCESSABLE", `The manifest of “${String(pkg.manifest.slug)}” is invalid.`, {
      key: "import.manifestInvalid",
      params: { slug: String(pkg.manifest.slug) },
      details,
    });
  }
  try {
    parseSpec(pkg.expectedTrace);
  } catch (error) {
    if (!(error instanceof SpecParseError)) throw error;
    throw new AppError("UNPROCESSABLE", `expected.trace of “${pkg.manifest.slug}”: ${error.message}`, {
      key: "import.traceInvalid",
      params: { slug: pkg.manifest.slug, problem: error.message },
      details: { [`expected.trace:line ${error.line}`]: [error.message] },
    });
  }
  return pkg;
}

function summary(
  exercise: { id: string; slug: string; kind: ImportedExercise["kind"]; status: ImportedExercise["status"] },
  version: number,
  outcome: ImportOutcome,
): ImportedExercise {
  return { id: exercise.id, slug: exercise.slug, kind: exercise.kind, status: exercise.status, version, outcome };
}
