/** The most a round answer can earn (an instant correct answer). */
export const MAX_ROUND_POINTS = 1000;

/**
 * Kahoot's transparent rule, no hidden streak bonus: a correct answer accepted t seconds after the
 * start of a T-second round scores round(1000 × (1 − (t / T) / 2)) — 1000 at once, 500 at the bell.
 * `t` is clamped to [0, T] (a submission accepted in the last millisecond may be graded later).
 */
export function roundPoints(elapsedSeconds: number, durationSeconds: number): number {
  if (!(durationSeconds > 0)) return 0;
  const t = Math.min(Math.max(elapsedSeconds, 0), durationSeconds);
  return Math.round(MAX_ROUND_POINTS * (1 - t / durationSeconds / 2));
}
