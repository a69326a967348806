import type { RunResult, TraceEvent } from "@/lib/run-contract/run-result.types";

/** Test support: a RunResult from compact `[t, task, text]` lines (stdout unless given). */
export type FakeLine = [t: number, task: string, text: string, stream?: TraceEvent["stream"]];

export function fakeRun(lines: FakeLine[], overrides: Partial<RunResult> = {}): RunResult {
  const events = lines.map(([t, task, text, stream]) => ({ t, task, text, stream: stream ?? "stdout" }));
  const virtualTime = events.reduce((max, e) => Math.max(max, e.t), 0);
  return {
    status: "ok",
    events,
    virtualTime,
    error: null,
    limit: null,
    wallMs: 1,
    seed: 0,
    tamper: null,
    deadlock: null,
    notes: [],
    ...overrides,
  };
}
