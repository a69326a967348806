import { can } from "@/lib/auth/policy";
import { requireClassAccess } from "@/lib/auth/require-class-access";
import { parseInput } from "@/lib/config/parse-input";
import { listBestScoresOfUser, listClassExercises as listExerciseRows, type BestScoreRecord } from "@/lib/db/exercises";
import {
  listClassExercisesInput,
  type ClassExerciseList,
  type ListClassExercisesInput,
} from "./list-class-exercises.types";

/**
 * A class's exercises in teaching order. Students see published and closed ones with their own
 * best score; the instructor sees every exercise, drafts included, with its status.
 */
export async function listClassExercises(input: ListClassExercisesInput): Promise<ClassExerciseList> {
  const { userId, classId } = parseInput(listClassExercisesInput, input);
  const { actor, context } = await requireClassAccess({ userId, classId, action: "exercise.view" });
  const canManage = can(actor, "exercise.manage", context).allowed;
  const rows = await listExerciseRows(classId, { publishedOnly: !canManage });
  const scores = canManage ? [] : await listBestScoresOfUser(classId, userId);
  const bestOf = new Map<string, BestScoreRecord>(scores.map((score) => [score.exerciseId, score]));
  return {
    canManage,
    exercises: rows.map((row) => {
      const best = bestOf.get(row.id);
      return {
        id: row.id,
        slug: row.slug,
        kind: row.kind,
        status: row.status,
        version: row.version.version,
        title: { en: row.version.titleEn, zh: row.version.titleZh },
        points: row.version.points,
        schedules: row.version.schedules,
        best:
          best && best.attempts > 0
            ? { score: best.bestScore, attempts: best.attempts, passed: best.passedAt !== null }
            : null,
      };
    }),
  };
}
