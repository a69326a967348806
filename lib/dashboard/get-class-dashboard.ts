import { requireClassAccess } from "@/lib/auth/require-class-access";
import { parseInput } from "@/lib/config/parse-input";
import {
  findSubmissionTraces,
  findUserNames,
  listClassSubmissionRows,
  listSubmissionsNeedingReview,
  type DashboardSubmissionRow,
} from "@/lib/db/dashboard";
import { listActiveRoster } from "@/lib/db/enrollments";
import { listClassExercises } from "@/lib/db/exercises";
import { exerciseStats, findStuckStudents, type GradedAttempt } from "./exercise-stats";
import {
  getClassDashboardInput,
  type ClassDashboard,
  type DashboardExercise,
  type ExampleTraceLine,
  type GetClassDashboardInput,
  type LiveSubmission,
  type LiveVerdict,
} from "./get-class-dashboard.types";
import { groupWrongAnswers } from "./group-wrong-answers";

const RECENT = 30;
const EXAMPLE_LINES = 40;

/** The instructor's live view of a class: per-exercise figures, common mistakes, who is stuck, reviews. */
export async function getClassDashboard(input: GetClassDashboardInput): Promise<ClassDashboard> {
  const { userId, classId, stuckMinutes, stuckFailures } = parseInput(getClassDashboardInput, input);
  const { klass } = await requireClassAccess({ userId, classId, action: "class.manage" });
  const [exercises, rows, roster, reviews] = await Promise.all([
    listClassExercises(classId, { publishedOnly: false }),
    listClassSubmissionRows(classId),
    listActiveRoster(classId),
    listSubmissionsNeedingReview(classId),
  ]);
  const names = new Map(roster.map((student) => [student.id, student.name]));
  const missing = [...new Set(rows.map((row) => row.userId))].filter((id) => !names.has(id));
  for (const [id, name] of await findUserNames(missing)) names.set(id, name);
  const nameOf = (id: string) => names.get(id) ?? "?";

  const graded = rows
    .filter((row) => (row.status === "passed" || row.status === "failed") && row.gradedAt)
    .map(toGradedAttempt);
  const perExercise = exercises.map((exercise) => {
    const mine = rows.filter((row) => row.exerciseId === exercise.id && row.status === "failed");
    return {
      exercise,
      stats: exerciseStats(graded.filter((attempt) => attempt.exerciseId === exercise.id)),
      groups: groupWrongAnswers(
        mine.map((row) => ({ submissionId: row.id, userId: row.userId, firstDivergence: row.firstDivergence })),
      ),
    };
  });
  const traces = await findSubmissionTraces(
    perExercise.flatMap((entry) => entry.groups.map((group) => group.exampleSubmissionId)),
  );
  const dashboardExercises: DashboardExercise[] = perExercise.map(({ exercise, stats, groups }) => ({
    id: exercise.id,
    title: { en: exercise.version.titleEn, zh: exercise.version.titleZh },
    status: exercise.status,
    kind: exercise.kind,
    version: exercise.version.version,
    stats,
    wrongAnswers: groups.map((group) => ({ ...group, example: exampleLines(traces.get(group.exampleSubmissionId)) })),
  }));
  const now = new Date();
  return {
    classId,
    className: klass.name,
    studentCount: roster.length,
    students: Object.fromEntries(names),
    exercises: dashboardExercises,
    recent: recentSubmissions(rows, nameOf),
    stuck: findStuckStudents(graded, { now, windowMinutes: stuckMinutes, minFailures: stuckFailures }).map((entry) => ({
      ...entry,
      studentName: nameOf(entry.userId),
      lastAttemptAt: entry.lastAttemptAt.toISOString(),
    })),
    stuckMinutes,
    reviewQueue: reviews.map((row) => ({
      submissionId: row.id,
      exerciseId: row.exerciseId,
      userId: row.userId,
      studentName: nameOf(row.userId),
      attemptNumber: row.attemptNumber,
      reason: row.tamperReason ?? "flagged by the sandbox",
      code: row.code,
      at: row.gradedAt?.toISOString() ?? null,
    })),
    generatedAt: now.toISOString(),
  };
}

function toGradedAttempt(row: DashboardSubmissionRow): GradedAttempt {
  return {
    userId: row.userId,
    exerciseId: row.exerciseId,
    attemptNumber: row.attemptNumber,
    passed: row.passed === true,
    gradedAt: row.gradedAt ?? row.queuedAt,
  };
}

function recentSubmissions(rows: DashboardSubmissionRow[], nameOf: (id: string) => string): LiveSubmission[] {
  const time = (row: DashboardSubmissionRow) => (row.gradedAt ?? row.queuedAt).getTime();
  return [...rows]
    .sort((a, b) => time(b) - time(a))
    .slice(0, RECENT)
    .map((row) => ({
      submissionId: row.id,
      exerciseId: row.exerciseId,
      userId: row.userId,
      studentName: nameOf(row.userId),
      status: liveStatus(row.status),
      score: row.score ?? 0,
      at: new Date(time(row)).toISOString(),
    }));
}

function exampleLines(trace: unknown): ExampleTraceLine[] {
  const events =
    typeof trace === "object" && trace !== null && "events" in trace && Array.isArray(trace.events)
      ? (trace.events as unknown[])
      : [];
  const lines: ExampleTraceLine[] = [];
  for (const event of events) {
    if (typeof event !== "object" || event === null) continue;
    const { t, task, text, stream } = event as Record<string, unknown>;
    if ((stream === "stdout" || stream === "stderr") && typeof text === "string" && typeof t === "number") {
      lines.push({ t, task: typeof task === "string" ? task : "", text, stream });
    }
    if (lines.length >= EXAMPLE_LINES) break;
  }
  return lines;
}

/** The live feed's words: the submission's own status, with the two waiting states as one. */
function liveStatus(status: DashboardSubmissionRow["status"]): LiveVerdict {
  return status === "queued" || status === "running" ? "pending" : status;
}
