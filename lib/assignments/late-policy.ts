/**
 * The late-policy arithmetic, pure: when does a submission count, how late is it, what does it cost.
 * Late days = ceil(lateness / 24 h) on the absolute clock, so a day across a daylight-saving change
 * is still 24 hours (docs/grade-export.md).
 */
export type LatePolicy = { kind: "refuse" } | { kind: "penalty"; percentPerDay: number; maxPercent: number };

export const DAY_MS = 24 * 60 * 60 * 1000;

/** 0 when on time (a submission exactly at the due time is on time). */
export function lateDaysOf(submittedAt: Date, dueAt: Date): number {
  const lateness = submittedAt.getTime() - dueAt.getTime();
  return lateness > 0 ? Math.ceil(lateness / DAY_MS) : 0;
}

/** Percent of the earned points taken away for `lateDays` under `policy` (0–100). */
export function penaltyPercentFor(policy: LatePolicy, lateDays: number): number {
  if (lateDays <= 0 || policy.kind === "refuse") return 0;
  return Math.min(100, policy.maxPercent, policy.percentPerDay * lateDays);
}

export interface SubmissionWindow {
  opensAt: Date | null;
  /** The student's own due time: the assignment's, or their extension's. */
  dueAt: Date;
  policy: LatePolicy;
  attemptsLimit: number | null;
}

export type WindowDecision =
  | { accepted: true; late: boolean; lateDays: number; penaltyPercent: number }
  | { accepted: false; reason: "not_open" | "past_due" | "attempts_used" };

/** Whether a submission made at `at` counts, given how many attempts the student already used. */
export function decideSubmission(window: SubmissionWindow, at: Date, attemptsUsed: number): WindowDecision {
  if (window.opensAt && at.getTime() < window.opensAt.getTime()) return { accepted: false, reason: "not_open" };
  const lateDays = lateDaysOf(at, window.dueAt);
  if (lateDays > 0 && window.policy.kind === "refuse") return { accepted: false, reason: "past_due" };
  if (window.attemptsLimit !== null && attemptsUsed >= window.attemptsLimit)
    return { accepted: false, reason: "attempts_used" };
  return { accepted: true, late: lateDays > 0, lateDays, penaltyPercent: penaltyPercentFor(window.policy, lateDays) };
}

/** Points rounded to hundredths, as stored, shown and exported. */
export function roundPoints(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}
