import { decideSubmission, penaltyPercentFor, roundPoints, type LatePolicy } from "./late-policy";
import type { CellStatus, GradebookCell, GradebookExercise, GradebookRow } from "./gradebook.types";

export interface GradebookPolicy {
  opensAt: Date | null;
  dueAt: Date;
  policy: LatePolicy;
  attemptsLimit: number | null;
  scorePolicy: "best" | "last";
}

export interface GradedAttempt {
  id: string;
  userId: string;
  exerciseId: string;
  attemptNumber: number;
  status: "queued" | "running" | "passed" | "failed" | "needs_review" | "infra_error";
  passed: boolean | null;
  score: number | null;
  submittedAt: Date;
}

export interface GradebookInput {
  window: GradebookPolicy;
  exercises: GradebookExercise[];
  students: { userId: string; name: string; email: string }[];
  /** Submissions made for this assignment (any order). */
  submissions: GradedAttempt[];
  overrides: { userId: string; exerciseId: string; points: number; reason: string; updatedAt: Date }[];
  extensions: { userId: string; dueAt: Date }[];
}

interface Counted {
  attempt: GradedAttempt;
  lateDays: number;
  penaltyPercent: number;
  earned: number;
}

/**
 * Pure: students × exercises with totals. A submission counts when it was made inside the
 * student's window (their extension replaces the due time) and within the attempts limit; the
 * late penalty comes from the policy in force now, so an extension granted afterwards forgives it.
 */
export function computeGradebook(input: GradebookInput): GradebookRow[] {
  const extensionOf = new Map(input.extensions.map((extension) => [extension.userId, extension.dueAt]));
  const overrideOf = new Map(
    input.overrides.map((override) => [`${override.userId}\u0000${override.exerciseId}`, override]),
  );
  const byCell = groupAttempts(input.submissions);
  const pointsPossible = input.exercises.reduce((sum, exercise) => sum + exercise.points, 0);
  return sortStudents(input.students).map((student) => {
    const dueAt = extensionOf.get(student.userId) ?? input.window.dueAt;
    const cells = input.exercises.map((exercise) =>
      computeCell(
        exercise,
        byCell.get(`${student.userId}\u0000${exercise.exerciseId}`) ?? [],
        { ...input.window, dueAt },
        overrideOf.get(`${student.userId}\u0000${exercise.exerciseId}`),
      ),
    );
    const total = roundPoints(cells.reduce((sum, cell) => sum + cell.points, 0));
    const mine = input.submissions.filter((submission) => submission.userId === student.userId);
    const last = mine.reduce<Date | null>(
      (latest, s) => (!latest || s.submittedAt > latest ? s.submittedAt : latest),
      null,
    );
    return {
      userId: student.userId,
      name: student.name,
      email: student.email,
      cells,
      total,
      percent: pointsPossible > 0 ? roundPoints((100 * total) / pointsPossible) : 0,
      lateDays: Math.max(0, ...cells.map((cell) => cell.lateDays)),
      lastSubmittedAt: last?.toISOString() ?? null,
      extendedDueAt: extensionOf.get(student.userId)?.toISOString() ?? null,
    };
  });
}

/** Name, then email: plain code-point order, identical on SQLite and PostgreSQL. */
export function sortStudents<T extends { name: string; email: string }>(students: T[]): T[] {
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...students].sort((a, b) => compare(a.name, b.name) || compare(a.email, b.email));
}

function groupAttempts(submissions: GradedAttempt[]): Map<string, GradedAttempt[]> {
  const groups = new Map<string, GradedAttempt[]>();
  for (const submission of submissions) {
    const key = `${submission.userId}\u0000${submission.exerciseId}`;
    const list = groups.get(key) ?? [];
    list.push(submission);
    groups.set(key, list);
  }
  for (const list of groups.values())
    list.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.attemptNumber - b.attemptNumber);
  return groups;
}

function computeCell(
  exercise: GradebookExercise,
  attempts: GradedAttempt[],
  window: GradebookPolicy,
  override: GradebookInput["overrides"][number] | undefined,
): GradebookCell {
  // Replay the window rule in order: the attempts limit counts only submissions that were accepted.
  const accepted: { attempt: GradedAttempt; lateDays: number }[] = [];
  for (const attempt of attempts) {
    const decision = decideSubmission(window, attempt.submittedAt, accepted.length);
    if (decision.accepted) accepted.push({ attempt, lateDays: decision.lateDays });
  }
  const graded: Counted[] = accepted
    .filter(({ attempt }) => attempt.status === "passed" || attempt.status === "failed")
    .map(({ attempt, lateDays }) => {
      const penaltyPercent = penaltyPercentFor(window.policy, lateDays);
      const earned = roundPoints((((attempt.score ?? 0) / 100) * exercise.points * (100 - penaltyPercent)) / 100);
      return { attempt, lateDays, penaltyPercent, earned };
    });
  const counted = pickCounted(graded, window.scorePolicy);
  const needsReview = accepted.some(({ attempt }) => attempt.status === "needs_review");
  const pending = accepted.some(({ attempt }) => attempt.status === "queued" || attempt.status === "running");
  const status: CellStatus = override
    ? "overridden"
    : needsReview
      ? "needs_review"
      : counted
        ? counted.lateDays > 0
          ? "late"
          : counted.attempt.passed
            ? "passed"
            : "failing"
        : pending
          ? "pending"
          : "not_tried";
  return {
    exerciseId: exercise.exerciseId,
    score: counted?.attempt.score ?? null,
    points: override ? roundPoints(override.points) : (counted?.earned ?? 0),
    pointsPossible: exercise.points,
    status,
    passed: counted?.attempt.passed === true,
    lateDays: counted?.lateDays ?? 0,
    penaltyPercent: counted?.penaltyPercent ?? 0,
    attempts: accepted.length,
    submissionId: counted?.attempt.id ?? null,
    override: override
      ? { points: roundPoints(override.points), reason: override.reason, updatedAt: override.updatedAt.toISOString() }
      : null,
  };
}

/** best: the most points (earliest on a tie); last: the latest graded submission. */
function pickCounted(graded: Counted[], scorePolicy: "best" | "last"): Counted | null {
  if (graded.length === 0) return null;
  if (scorePolicy === "last") return graded[graded.length - 1];
  return graded.reduce((best, candidate) => (candidate.earned > best.earned ? candidate : best));
}
