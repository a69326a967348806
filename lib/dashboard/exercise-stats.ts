/**
 * Per-exercise figures for the dashboard, from the graded submissions of a class. Pure.
 * "Attempts until pass" counts a student's graded attempts up to and including their first pass.
 */
export interface GradedAttempt {
  userId: string;
  exerciseId: string;
  attemptNumber: number;
  passed: boolean;
  gradedAt: Date;
}

export const ATTEMPT_BUCKETS = ["1", "2", "3", "4", "5+"] as const;
export type AttemptBucket = (typeof ATTEMPT_BUCKETS)[number];

export interface ExerciseStats {
  attempted: number;
  passed: number;
  /** 0..1, passed / attempted; 0 when nobody tried. */
  passRate: number;
  submissions: number;
  /** How many passing students needed 1, 2, 3, 4, 5+ attempts. */
  attemptsUntilPass: Record<AttemptBucket, number>;
}

export function exerciseStats(attempts: readonly GradedAttempt[]): ExerciseStats {
  const byStudent = new Map<string, GradedAttempt[]>();
  for (const attempt of attempts) byStudent.set(attempt.userId, [...(byStudent.get(attempt.userId) ?? []), attempt]);
  const histogram = Object.fromEntries(ATTEMPT_BUCKETS.map((bucket) => [bucket, 0])) as Record<AttemptBucket, number>;
  let passed = 0;
  for (const rows of byStudent.values()) {
    const ordered = [...rows].sort((a, b) => a.attemptNumber - b.attemptNumber);
    const firstPass = ordered.findIndex((row) => row.passed);
    if (firstPass < 0) continue;
    passed += 1;
    histogram[bucketOf(firstPass + 1)] += 1;
  }
  const attempted = byStudent.size;
  return {
    attempted,
    passed,
    passRate: attempted === 0 ? 0 : passed / attempted,
    submissions: attempts.length,
    attemptsUntilPass: histogram,
  };
}

function bucketOf(attempts: number): AttemptBucket {
  return attempts >= 5 ? "5+" : (String(attempts) as AttemptBucket);
}

export interface StuckStudent {
  userId: string;
  exerciseId: string;
  /** Failed attempts inside the window. */
  failures: number;
  lastAttemptAt: Date;
}

/**
 * Who is stuck: at least `minFailures` failed attempts on an exercise in the last `windowMinutes`
 * and no pass of it ever. Most failures first.
 */
export function findStuckStudents(
  attempts: readonly GradedAttempt[],
  options: { now: Date; windowMinutes: number; minFailures: number },
): StuckStudent[] {
  const since = options.now.getTime() - options.windowMinutes * 60_000;
  const passedKeys = new Set(attempts.filter((a) => a.passed).map((a) => `${a.userId}\u0000${a.exerciseId}`));
  const recent = new Map<string, StuckStudent>();
  for (const attempt of attempts) {
    const key = `${attempt.userId}\u0000${attempt.exerciseId}`;
    if (attempt.passed || passedKeys.has(key) || attempt.gradedAt.getTime() < since) continue;
    const entry = recent.get(key) ?? {
      userId: attempt.userId,
      exerciseId: attempt.exerciseId,
      failures: 0,
      lastAttemptAt: attempt.gradedAt,
    };
    entry.failures += 1;
    if (attempt.gradedAt > entry.lastAttemptAt) entry.lastAttemptAt = attempt.gradedAt;
    recent.set(key, entry);
  }
  return [...recent.values()]
    .filter((entry) => entry.failures >= options.minFailures)
    .sort((a, b) => b.failures - a.failures || b.lastAttemptAt.getTime() - a.lastAttemptAt.getTime());
}
