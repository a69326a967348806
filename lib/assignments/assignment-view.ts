import type { AssignmentWithExercises } from "@/lib/db/assignments";
import type { CellStatus, GradebookExercise } from "./gradebook.types";
import type { LatePolicy } from "./late-policy";
import { latePolicyOf } from "./assignment-window";

/** An assignment as the API returns it: times in UTC (ISO), shown by the page in `timeZone`. */
export interface AssignmentView {
  id: string;
  classId: string;
  title: string;
  opensAt: string | null;
  dueAt: string;
  latePolicy: LatePolicy;
  attemptsLimit: number | null;
  scorePolicy: "best" | "last";
  published: boolean;
  exercises: GradebookExercise[];
  pointsPossible: number;
  /** The class's zone; null until the instructor sets one. */
  timeZone: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface StudentProgressCell {
  exerciseId: string;
  status: CellStatus;
  points: number;
  pointsPossible: number;
  attempts: number;
  lateDays: number;
}

/** A student's own standing in an assignment. */
export interface StudentProgress {
  /** Their due time: the assignment's, or their extension. */
  dueAt: string;
  extended: boolean;
  attemptsLimit: number | null;
  cells: StudentProgressCell[];
  total: number;
  percent: number;
}

export interface StudentAssignmentView extends AssignmentView {
  progress: StudentProgress;
}

export function assignmentExercises(assignment: AssignmentWithExercises): GradebookExercise[] {
  return assignment.exercises.map((e) => ({
    exerciseId: e.exerciseId,
    slug: e.slug,
    title: { en: e.titleEn, zh: e.titleZh },
    points: e.points,
  }));
}

export function toAssignmentView(assignment: AssignmentWithExercises, timeZone: string | null): AssignmentView {
  const exercises = assignmentExercises(assignment);
  return {
    id: assignment.id,
    classId: assignment.classId,
    title: assignment.title,
    opensAt: assignment.opensAt?.toISOString() ?? null,
    dueAt: assignment.dueAt.toISOString(),
    latePolicy: latePolicyOf(assignment),
    attemptsLimit: assignment.attemptsLimit,
    scorePolicy: assignment.scorePolicy === "LAST" ? "last" : "best",
    published: assignment.published,
    exercises,
    pointsPossible: exercises.reduce((sum, e) => sum + e.points, 0),
    timeZone,
    createdAt: assignment.createdAt.toISOString(),
    updatedAt: assignment.updatedAt.toISOString(),
  };
}
