import { z } from "zod";
import type { RunResult } from "@/lib/run-contract/run-result.types";
import { DIVERGENCE_REASONS, MESSAGE_CODES } from "@/lib/traces/verdict.types";
import type { VerdictView } from "./submission-view.types";

/**
 * The verdict as stored in `Submission.verdict`, validated once, on write (`toStoredVerdict`): a
 * checker change that breaks the shape fails the grading job loudly instead of storing something
 * the pages cannot show. Reading trusts it (`fromStoredVerdict`), so nothing re-parses it later.
 */
const params = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
const expectedView = z.object({
  text: z.string(),
  t: z.number().optional(),
  task: z.string().optional(),
  stream: z.literal("stderr").optional(),
  specLine: z.number().optional(),
});
const actualView = z.object({ text: z.string(), t: z.number(), task: z.string(), stream: z.literal("stderr").optional() });
const divergence = z.object({
  index: z.number().int(),
  expectedIndex: z.number().int().nullable(),
  specLine: z.number().int().nullable(),
  expected: expectedView.nullable(),
  actual: actualView.nullable(),
  reason: z.enum(DIVERGENCE_REASONS),
  code: z.enum(MESSAGE_CODES),
  params,
  message: z.string(),
});
const diffRow = z.object({
  expected: expectedView.optional(),
  actual: actualView.optional(),
  kind: z.enum(["same", "changed", "missing", "extra"]),
});
const common = {
  passed: z.boolean(),
  score: z.number().min(0).max(100),
  checkpoints: z.object({ met: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  firstDivergence: divergence.nullable(),
  diff: z.array(diffRow),
};
const programVerdict = z.object({
  kind: z.literal("program"),
  ...common,
  failingSeed: z.number().int().nonnegative().nullable(),
  /** The exploration budget; 0 when the program's choice points decided. */
  schedules: z.number().int().nonnegative(),
  explored: z.number().int().nonnegative(),
  complete: z.boolean(),
  strategy: z.enum(["single", "exhaustive", "pct", "seeds", "window"]),
  outcomes: z.array(z.object({ seed: z.number().int(), passed: z.boolean(), score: z.number() })),
});
const predictionLine = z.object({
  index: z.number().int(),
  text: z.string(),
  status: z.enum(["correct", "wrong", "extra"]),
  expected: z.string().optional(),
});
const predictionVerdict = z.object({
  kind: z.literal("prediction"),
  ...common,
  lines: z.array(predictionLine),
  missing: z.array(z.object({ text: z.string(), afterLine: z.number().int() })),
  feedback: z.object({
    code: z.enum(["prediction.correct", "prediction.wrong", "prediction.extra", "prediction.missing"]),
    params,
    message: z.string(),
  }),
});

export const storedVerdictSchema = z.discriminatedUnion("kind", [programVerdict, predictionVerdict]);

/** Strips what must not be stored (a run, a tamper reason) and validates the rest. */
export function toStoredVerdict(verdict: VerdictView): VerdictView {
  return storedVerdictSchema.parse(verdict) satisfies VerdictView;
}

/** The stored JSON back as its type: it was validated on write (and migrated with the schema). */
export function fromStoredVerdict(stored: unknown): VerdictView | null {
  return stored === null || stored === undefined ? null : (stored as VerdictView);
}

/** The stored run (`Submission.trace`): a RunResult the sandbox validated before grading wrote it. */
export function fromStoredTrace(stored: unknown): RunResult | null {
  return stored === null || stored === undefined ? null : (stored as RunResult);
}
