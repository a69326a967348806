/**
 * The class's most common mistakes on one exercise: failed submissions grouped by their first
 * divergence — its kind, the expected line and the line the program printed instead — so the
 * instructor can show one example of each on the projector. Pure: the rows come from the caller.
 */
export interface FailedAttempt {
  submissionId: string;
  userId: string;
  /** The stored Divergence (lib/traces/verdict.types.ts); anything else is ignored. */
  firstDivergence: unknown;
}

export interface DivergenceLine {
  text: string;
  t: number | null;
  task: string | null;
}

export interface WrongAnswerGroup {
  key: string;
  /** DivergenceReason: missing, unexpected, text, time, task, order, status, total_time, forbidden_note. */
  reason: string;
  expected: DivergenceLine | null;
  actual: DivergenceLine | null;
  /** The English message of the example (the UI translates by reason). */
  message: string;
  /** Failed submissions in the group, and how many different students made them. */
  count: number;
  students: number;
  exampleSubmissionId: string;
}

export function groupWrongAnswers(attempts: readonly FailedAttempt[], limit = 5): WrongAnswerGroup[] {
  const groups = new Map<string, WrongAnswerGroup & { userIds: Set<string> }>();
  for (const attempt of attempts) {
    const divergence = readDivergence(attempt.firstDivergence);
    if (!divergence) continue;
    const key = keyOf(divergence);
    const group = groups.get(key);
    if (group) {
      group.count += 1;
      group.userIds.add(attempt.userId);
      continue;
    }
    groups.set(key, {
      key,
      ...divergence,
      count: 1,
      students: 0,
      exampleSubmissionId: attempt.submissionId,
      userIds: new Set([attempt.userId]),
    });
  }
  return [...groups.values()]
    .map(({ userIds, ...group }) => ({ ...group, students: userIds.size }))
    .sort((a, b) => b.count - a.count || b.students - a.students || a.key.localeCompare(b.key))
    .slice(0, limit);
}

type ReadDivergence = Pick<WrongAnswerGroup, "reason" | "expected" | "actual" | "message">;

function readDivergence(value: unknown): ReadDivergence | null {
  if (!isRecord(value) || typeof value.reason !== "string") return null;
  return {
    reason: value.reason,
    expected: lineOf(value.expected),
    actual: lineOf(value.actual),
    message: typeof value.message === "string" ? value.message : value.reason,
  };
}

/**
 * The same mistake is the same kind of divergence at the same expected line with the same printed
 * text. A timing mistake also keeps the time it happened at (printing at t=2 instead of t=1 differs
 * from printing at t=3), an ordering one the task that printed.
 */
function keyOf(divergence: ReadDivergence): string {
  const { reason, expected, actual } = divergence;
  const parts = [reason, expected ? `${expected.task ?? ""}:${expected.text}` : "-", actual ? actual.text : "-"];
  if (reason === "time" || reason === "total_time") parts.push(String(actual?.t ?? ""));
  if (reason === "task" || reason === "order") parts.push(actual?.task ?? "");
  return parts.join("\u0000");
}

function lineOf(value: unknown): DivergenceLine | null {
  if (!isRecord(value) || typeof value.text !== "string") return null;
  return {
    text: value.text,
    t: typeof value.t === "number" ? value.t : null,
    task: typeof value.task === "string" ? value.task : null,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
