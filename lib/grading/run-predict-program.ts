import type { NetworkSpec } from "@/lib/run-contract/network-spec.types";
import type { RunLimits, RunRequest, RunResult } from "@/lib/run-contract/run-result.types";

const MAX_CACHED = 32;
const cache = new Map<string, Promise<RunResult | null>>();

/**
 * The real run (seed 0) of a predict-the-output program, shown to the student after the answer.
 * The program is fixed per exercise version and the run deterministic, so it is memoised per
 * grading process: a class of 40 answering a live quiz costs one sandbox run, not 40. Display only:
 * a run the sandbox could not make is null (the prediction is graded all the same) and not kept.
 */
export function runPredictProgram(options: {
  program: string;
  limits: RunLimits;
  /** The exercise's network.json: the program's real run downloads what a student's would. */
  network: NetworkSpec | null;
  run: (request: RunRequest) => Promise<RunResult>;
}): Promise<RunResult | null> {
  const key = JSON.stringify([options.program, options.limits, options.network]);
  const cached = cache.get(key);
  if (cached) return cached;
  const pending = options
    .run({ code: options.program, seed: 0, limits: options.limits, network: options.network })
    .then((result) => (result.status === "sandbox_error" ? null : result))
    .catch(() => null)
    .then((result) => {
      if (result === null) cache.delete(key);
      return result;
    });
  cache.set(key, pending);
  // Oldest first out: Map iteration follows insertion order.
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value ?? "");
  return pending;
}
