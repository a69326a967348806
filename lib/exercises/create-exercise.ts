import { requireClassAccess } from "@/lib/auth/require-class-access";
import { parseInput } from "@/lib/config/parse-input";
import { listClassSlugs } from "@/lib/db/exercise-authoring";
import { insertExercise, nextExercisePosition } from "@/lib/db/exercises";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import { withTransaction } from "@/lib/db/with-transaction";
import { AppError } from "@/lib/errors/app-error";
import { checkNetworkSpec } from "./check-network-spec";
import { checkSpecText } from "./check-spec-text";
import { toEditorView } from "./editor-view";
import { createExerciseInput, type CreateExerciseInput, type ExerciseForEditor } from "./exercise-draft.types";
import type { PackageExtras } from "./package-extras.types";

/**
 * An instructor writes a new exercise in the browser: it starts as a DRAFT (version 1) that only
 * they can see; "Record" then fills its expected trace from the reference solution. A missing
 * Chinese title or prompt falls back to the English text so both languages always show something.
 */
export async function createExercise(input: CreateExerciseInput): Promise<ExerciseForEditor> {
  const data = parseInput(createExerciseInput, input);
  await requireClassAccess({ userId: data.userId, classId: data.classId, action: "exercise.manage" });
  const spec = data.spec ?? "";
  checkSpecText(spec);
  const network = data.network === undefined ? null : checkNetworkSpec(data.network);
  const extras: PackageExtras = {
    teaches: { en: data.title.en, zh: data.title.zh ?? data.title.en },
    tags: [],
    tutorial: { section: "custom" },
    ...(data.kind === "WRITE_CODE" ? { wrongSolutions: [] } : {}),
  };
  const version = {
    titleEn: data.title.en,
    titleZh: data.title.zh ?? data.title.en,
    promptEn: data.prompt.en,
    promptZh: data.prompt.zh ?? data.prompt.en,
    starterCode: data.kind === "WRITE_CODE" ? data.starter : "",
    referenceSolution: data.solution,
    expectedSpec: spec,
    schedules: data.schedules,
    limits: { ...(data.limits ?? {}) },
    points: data.points,
    forbiddenNotes: [],
    packageExtras: extras,
    network,
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const created = await withTransaction(async (tx) => {
        const slug = data.slug ?? freeSlug(slugFrom(data.title.en), await listClassSlugs(data.classId, tx));
        const position = await nextExercisePosition(data.classId, tx);
        return insertExercise({ classId: data.classId, slug, kind: data.kind, status: "DRAFT", position, version }, tx);
      });
      return toEditorView(created, 0, 0);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (data.slug)
        throw new AppError("CONFLICT", `The slug “${data.slug}” is already used in this class.`, {
          key: "exercise.slugTaken",
          params: { slug: data.slug },
          details: { slug: ["already used in this class"] },
        });
      // Two exercises with the same title created at once: the other took the slug, pick again.
    }
  }
  throw new AppError("CONFLICT", "Could not pick a free slug for this exercise; try again.", {
    key: "exercise.slugRetry",
  });
}

/** "Two tasks, one loop!" → "two-tasks-one-loop"; titles without Latin letters become "exercise". */
export function slugFrom(title: string): string {
  const slug = title
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || "exercise";
}

export function freeSlug(base: string, taken: readonly string[]): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}
