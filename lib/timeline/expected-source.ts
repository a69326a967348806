import type { TimelineSource } from "./timeline.types";

export interface ExpectedLine {
  t: number | null;
  task: string | null;
  text: string;
}

/**
 * The expected trace as a picture source: one mark per expected line. A line whose spec gives no
 * time sits at the previous line's time; one without a task goes to the lane "?".
 */
export function expectedSource(lines: readonly ExpectedLine[]): TimelineSource {
  let t = 0;
  const events = lines.map((line) => {
    t = line.t ?? t;
    return { t, task: line.task ?? "?", stream: "stdout" as const, text: line.text };
  });
  return { events, virtualTime: t, lifecycle: null };
}
