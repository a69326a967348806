import type { RoundSubmissionRow } from "@/lib/db/live-rounds";
import { roundPoints } from "./round-points";
import type { CommonDivergence, RoundEntry, RoundStats } from "./round.types";

interface RoundTiming {
  startsAt: Date;
  durationSeconds: number;
}

interface StudentAnswers {
  userId: string;
  best: RoundSubmissionRow | null;
  last: RoundSubmissionRow;
  pending: boolean;
  bestScore: number;
}

/**
 * Ranks a round: each student's best counts — the earliest passing answer (it earns the most
 * points); students without a pass follow with 0 points. Ties (same points) go to who answered
 * first. `names` maps user ids to display names.
 */
export function rankRoundEntries(
  rows: readonly RoundSubmissionRow[],
  round: RoundTiming,
  names: Map<string, string>,
): RoundEntry[] {
  const students = byStudent(rows);
  const scored = students.map((student) => {
    const counted = student.best ?? student.last;
    const points = student.best
      ? roundPoints((student.best.queuedAt.getTime() - round.startsAt.getTime()) / 1000, round.durationSeconds)
      : 0;
    return { userId: student.userId, name: names.get(student.userId) ?? "?", points, answeredAt: counted.queuedAt };
  });
  scored.sort(
    (a, b) =>
      b.points - a.points || a.answeredAt.getTime() - b.answeredAt.getTime() || a.userId.localeCompare(b.userId),
  );
  const entries: RoundEntry[] = [];
  scored.forEach((entry, index) => {
    const previous = scored[index - 1];
    const tied =
      previous && previous.points === entry.points && previous.answeredAt.getTime() === entry.answeredAt.getTime();
    const rank = tied ? entries[index - 1].rank : index + 1;
    entries.push({
      userId: entry.userId,
      name: entry.name,
      points: entry.points,
      rank,
      answeredAt: entry.answeredAt.toISOString(),
    });
  });
  return entries;
}

/** Counts per outcome, the score distribution and the most common wrong first divergence. */
export function summarizeRound(rows: readonly RoundSubmissionRow[], options: { revealDetails: boolean }): RoundStats {
  const students = byStudent(rows);
  const bands = { "0": 0, "25": 0, "50": 0, "75": 0, "100": 0 };
  let passed = 0;
  let pending = 0;
  for (const student of students) {
    if (student.best) passed += 1;
    else if (student.pending) pending += 1;
    if (student.best || !student.pending) bands[band(student.best ? 100 : student.bestScore)] += 1;
  }
  return {
    answered: students.length,
    passed,
    failed: students.length - passed - pending,
    pending,
    distribution: (Object.keys(bands) as (keyof typeof bands)[]).map((key) => ({ band: key, students: bands[key] })),
    commonDivergence: commonDivergence(students, options.revealDetails),
  };
}

function byStudent(rows: readonly RoundSubmissionRow[]): StudentAnswers[] {
  const map = new Map<string, StudentAnswers>();
  for (const row of rows) {
    const student = map.get(row.userId) ?? { userId: row.userId, best: null, last: row, pending: false, bestScore: 0 };
    student.last = row;
    if (row.status === "queued" || row.status === "running") student.pending = true;
    const graded = row.status === "passed" || row.status === "failed";
    if (graded && row.passed && !student.best) student.best = row;
    if (graded) student.bestScore = Math.max(student.bestScore, row.score ?? 0);
    map.set(row.userId, student);
  }
  // A pending answer only matters while nothing graded says more.
  for (const student of map.values()) if (student.best || isGraded(student.last)) student.pending = false;
  return [...map.values()];
}

function band(score: number): "0" | "25" | "50" | "75" | "100" {
  if (score >= 100) return "100";
  if (score >= 75) return "75";
  if (score >= 50) return "50";
  return score >= 25 ? "25" : "0";
}

interface DivergenceShape {
  index?: unknown;
  reason?: unknown;
  code?: unknown;
  params?: unknown;
  message?: unknown;
  expectedIndex?: unknown;
  actual?: { text?: unknown } | null;
}

/** Among students who have not passed: their latest graded answer's first divergence, grouped. */
function commonDivergence(students: StudentAnswers[], reveal: boolean): CommonDivergence | null {
  const groups = new Map<string, { count: number; sample: DivergenceShape }>();
  for (const student of students) {
    if (student.best || !isGraded(student.last)) continue;
    const divergence = student.last.firstDivergence as DivergenceShape | null;
    if (!divergence || typeof divergence !== "object") continue;
    const key = JSON.stringify([
      divergence.reason,
      divergence.expectedIndex,
      divergence.index,
      divergence.actual?.text ?? null,
    ]);
    const group = groups.get(key) ?? { count: 0, sample: divergence };
    group.count += 1;
    groups.set(key, group);
  }
  const top = [...groups.values()].sort((a, b) => b.count - a.count)[0];
  if (!top) return null;
  const d = top.sample;
  return {
    count: top.count,
    line: (typeof d.index === "number" ? d.index : 0) + 1,
    reason: typeof d.reason === "string" ? d.reason : "unknown",
    code: reveal && typeof d.code === "string" ? d.code : null,
    params:
      reveal && d.params && typeof d.params === "object" ? (d.params as Record<string, string | number | null>) : null,
    message: reveal && typeof d.message === "string" ? d.message : null,
  };
}

/** A verdict the checker gave (needs_review and infra_error are not the student's answer yet). */
function isGraded(row: RoundSubmissionRow): boolean {
  return row.status === "passed" || row.status === "failed";
}
