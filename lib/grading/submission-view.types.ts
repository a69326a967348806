import type { ExerciseKind } from "@/lib/db/exercises";
import type { SubmissionStatus } from "@/lib/grading/submission-status";
import type { RunResult } from "@/lib/run-contract/run-result.types";
import type { PredictionVerdict } from "@/lib/traces/check-prediction";
import type { PredictionMistake } from "./find-prediction-mistake";
import type { ProgramVerdict } from "@/lib/traces/check-schedules";
import type { Divergence } from "@/lib/traces/verdict.types";

/**
 * The result types the server produces and the browser renders (imported type-only there, never
 * re-declared or re-parsed). Built from storage by one function per audience
 * (lib/grading/to-submission-view.ts); the stored verdict is validated once, when it is written.
 */

/** What the checker concluded: a program under its schedules, or a predict-the-output answer. */
export type VerdictView =
  | ({ kind: "program" } & Omit<ProgramVerdict, "run" | "tamper">)
  | ({ kind: "prediction"; mistake?: PredictionMistake } & PredictionVerdict);

/** The run shown as the trace table; `tamper` is always null in a student's view. */
export type TraceView = RunResult;

/** The feedback every result carries, whether from a Run or a stored submission. */
export interface ResultFields {
  status: SubmissionStatus;
  /** 0..100 once graded (0 while held for review); null before. */
  score: number | null;
  verdict: VerdictView | null;
  /** The first place the output left the expected trace (also inside `verdict`). */
  firstDivergence: Divergence | null;
  /** The schedule (seed) that failed; null when all passed or nothing ran. */
  failingSeed: number | null;
  /**
   * The failing schedule's run; for a prediction, the program's real run (the answer: a student
   * gets it only once graded and no live round on the exercise is running).
   */
  trace: TraceView | null;
}

/** POST /api/exercises/:id/run — "Run" (try it): schedule 0 only, stored nowhere. */
export interface RunView extends ResultFields {
  status: "passed" | "failed";
  passed: boolean;
  score: number;
  verdict: VerdictView;
  /** A live round on this exercise is running: no expected lines or divergence are shown. */
  withheldUntilRoundEnds: boolean;
}

/** What only the class's instructor sees of a submission. */
export interface ReviewView {
  /** Why grading held it (`needs_review`), e.g. "print was patched". */
  tamperReason: string | null;
  /** The last infrastructure failure (`infra_error`, or a retry still pending). */
  infraError: string | null;
  /** Infrastructure failures since it was last queued by a submit or a regrade. */
  infraRetries: number;
  runMs: number | null;
}

/** GET /api/submissions/:id — one submission, for its student or the class's instructor. */
export interface SubmissionView extends ResultFields {
  id: string;
  exerciseId: string;
  classId: string;
  userId: string;
  assignmentId: string | null;
  kind: ExerciseKind;
  attemptNumber: number;
  code: string;
  /** For the student when the status needs words (infra_error, needs_review); English fallback. */
  notice: string | null;
  queuedAt: string;
  gradedAt: string | null;
  /** A live round's answer while the round runs: the student sees only pass/fail and the score. */
  withheldUntilRoundEnds: boolean;
  /** Present in the instructor's view only. */
  review: ReviewView | null;
}
