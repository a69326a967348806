import { z } from "zod";
import type { ExerciseStats } from "./exercise-stats";
import type { WrongAnswerGroup } from "./group-wrong-answers";

export const getClassDashboardInput = z.object({
  userId: z.string().min(1),
  classId: z.string().min(1),
  /** "Stuck": failed attempts within this many minutes and no pass. */
  stuckMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  stuckFailures: z.number().int().min(2).max(50).default(3),
});
export type GetClassDashboardInput = z.input<typeof getClassDashboardInput>;

/** The verdict vocabulary of a live row: the same words as the `submission:graded` event. */
export type LiveVerdict = "passed" | "failed" | "needs_review" | "infra_error" | "pending";

export interface LiveSubmission {
  submissionId: string;
  exerciseId: string;
  userId: string;
  studentName: string;
  status: LiveVerdict;
  score: number;
  /** ISO time it was graded (or queued, while pending). */
  at: string;
}

export interface ExampleTraceLine {
  t: number;
  task: string;
  text: string;
  stream: "stdout" | "stderr";
}

export interface DashboardWrongAnswer extends WrongAnswerGroup {
  /** The example's printed lines (no names: it goes on the projector). */
  example: ExampleTraceLine[];
}

export interface DashboardExercise {
  id: string;
  title: { en: string; zh: string };
  status: "DRAFT" | "PUBLISHED" | "CLOSED";
  kind: "WRITE_CODE" | "PREDICT_OUTPUT";
  version: number;
  stats: ExerciseStats;
  wrongAnswers: DashboardWrongAnswer[];
}

export interface DashboardStuck {
  userId: string;
  studentName: string;
  exerciseId: string;
  failures: number;
  lastAttemptAt: string;
}

export interface DashboardReview {
  submissionId: string;
  exerciseId: string;
  userId: string;
  studentName: string;
  attemptNumber: number;
  reason: string;
  code: string;
  at: string | null;
}

export interface ClassDashboard {
  classId: string;
  className: string;
  studentCount: number;
  /** userId → name, so live events (which carry ids) can be shown with names. */
  students: Record<string, string>;
  exercises: DashboardExercise[];
  recent: LiveSubmission[];
  stuck: DashboardStuck[];
  stuckMinutes: number;
  reviewQueue: DashboardReview[];
  generatedAt: string;
}
