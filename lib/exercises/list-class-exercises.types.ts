import { z } from "zod";
import { idSchema, type ExerciseStatusValue } from "./import-exercise-into-class.types";

export const listClassExercisesInput = z.object({ userId: idSchema, classId: idSchema });
export type ListClassExercisesInput = z.input<typeof listClassExercisesInput>;

export interface ClassExerciseItem {
  id: string;
  slug: string;
  kind: "WRITE_CODE" | "PREDICT_OUTPUT";
  status: ExerciseStatusValue;
  version: number;
  title: { en: string; zh: string };
  points: number;
  schedules: number;
  /** The signed-in student's best result; null for instructors and before a first graded attempt. */
  best: { score: number; attempts: number; passed: boolean } | null;
}

export interface ClassExerciseList {
  /** True for the class's instructor (and admins): drafts are listed and statuses can change. */
  canManage: boolean;
  exercises: ClassExerciseItem[];
}
