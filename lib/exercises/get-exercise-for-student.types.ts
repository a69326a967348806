import type { ExerciseStatusValue } from "./import-exercise-into-class.types";

/**
 * What a student may see of an exercise. Never the expected trace (it is the answer key) and, for
 * write-code exercises, never the reference solution. For predict-output the reference solution IS
 * the program to read, so it is shown as `program`.
 */
export interface StudentExerciseView {
  id: string;
  classId: string;
  slug: string;
  kind: "WRITE_CODE" | "PREDICT_OUTPUT";
  status: ExerciseStatusValue;
  version: number;
  points: number;
  schedules: number;
  title: { en: string; zh: string };
  prompt: { en: string; zh: string };
  /** Write-code: where the student starts. Null for predict-output. */
  starterCode: string | null;
  /** Predict-output: the program the student reads. Null for write-code. */
  program: string | null;
  /** Predict-output with a line bank: the lines to order, shuffled (the same on every visit). */
  lineBank: string[] | null;
  canManage: boolean;
  /** Whether Run and Submit are open to this user now. */
  canSubmit: boolean;
  /** The user's most recent submission, so the page can show its result again. */
  latestSubmissionId: string | null;
}
