/**
 * The gradebook as the API returns it and the page renders it (the browser imports these types).
 * Cell statuses: not_tried · pending (queued or running) · failing · passed · late · needs_review ·
 * overridden.
 */
export type CellStatus = "not_tried" | "pending" | "failing" | "passed" | "late" | "needs_review" | "overridden";

export const CELL_STATUSES: readonly CellStatus[] = [
  "not_tried",
  "pending",
  "failing",
  "passed",
  "late",
  "needs_review",
  "overridden",
];

export interface GradebookExercise {
  exerciseId: string;
  slug: string;
  title: { en: string; zh: string };
  points: number;
}

export interface CellOverride {
  points: number;
  reason: string;
  updatedAt: string;
}

export interface GradebookCell {
  exerciseId: string;
  /** The checker's score (0–100) of the submission that counts; null when none does. */
  score: number | null;
  /** Points earned: score × points, minus the late penalty, or the override. */
  points: number;
  pointsPossible: number;
  status: CellStatus;
  /** Whether the counted submission passed. */
  passed: boolean;
  lateDays: number;
  penaltyPercent: number;
  /** Submissions to this exercise that count toward the assignment. */
  attempts: number;
  submissionId: string | null;
  override: CellOverride | null;
}

export interface GradebookRow {
  userId: string;
  name: string;
  email: string;
  cells: GradebookCell[];
  total: number;
  percent: number;
  /** The most late days of any counted submission. */
  lateDays: number;
  /** ISO time of the student's latest submission to the assignment. */
  lastSubmittedAt: string | null;
  /** The student's extension, if any (ISO). */
  extendedDueAt: string | null;
}

export interface AuditEntryView {
  id: string;
  action: "OVERRIDE_SET" | "OVERRIDE_CLEARED" | "EXTENSION_SET" | "EXTENSION_CLEARED";
  actorName: string;
  userId: string;
  studentName: string;
  exerciseId: string | null;
  oldValue: string | null;
  newValue: string | null;
  reason: string;
  at: string;
}
