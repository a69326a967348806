import { hintFor, renderMessage } from "./divergence-messages";
import {
  actualView,
  expectedView,
  latestAccepted,
  sameWords,
  taskMatches,
  timeMatches,
  type FlatLine,
} from "./match-line";
import type {
  ActualLine,
  CheckableRun,
  Divergence,
  DivergenceReason,
  MessageCode,
  MessageParams,
} from "./verdict.types";

/**
 * Turns "this expected line did not match here" into the most teaching divergence: same words but
 * wrong task or time, a line that is merely out of order, a missing line, an extra line, or a
 * different text (with a concurrency hint when it came late).
 */

export interface DiagnoseContext {
  flat: FlatLine[];
  actual: ActualLine[];
  run: CheckableRun;
  tolerance: number;
}

function expectedT(member: FlatLine): number | null {
  const time = member.time;
  if (!time) return null;
  return time.kind === "point" ? time.at : time.from;
}

function build(
  ctx: DiagnoseContext,
  reason: DivergenceReason,
  code: MessageCode,
  member: FlatLine | null,
  actual: ActualLine | null,
  index: number,
  extra: MessageParams = {},
): Divergence {
  const params: MessageParams = {
    expected: member ? expectedView(member).text : null,
    expectedTask: member ? (expectedView(member).task ?? null) : null,
    expectedT: member ? expectedT(member) : null,
    actual: actual ? actual.text : null,
    actualTask: actual ? actual.task : null,
    actualT: actual ? actual.t : null,
    ...extra,
  };
  const hint = hintFor(actual ? actual.text : null);
  if (hint) params.hint = hint;
  return {
    index,
    expectedIndex: member ? member.index : null,
    specLine: member ? member.line.pos.line : null,
    expected: member ? expectedView(member) : null,
    actual: actual ? actualView(actual) : null,
    reason,
    code,
    params,
    message: renderMessage(code, params),
  };
}

function missing(
  ctx: DiagnoseContext,
  member: FlatLine,
  actual: ActualLine | null,
  index: number,
  searching: boolean,
): Divergence {
  const { run } = ctx;
  if (run.status !== "ok" && actual === null) {
    return build(ctx, "missing", "trace.missing_after_error", member, null, index, {
      status: run.status,
      detail: run.status === "error" ? (run.error?.type ?? null) : run.status === "limit" ? run.limit : null,
      errorMessage: run.error?.message ?? null,
      actualT: run.virtualTime,
    });
  }
  return build(ctx, "missing", "trace.missing", member, actual, index, { searching: searching ? 1 : 0 });
}

function wordsMatchDivergence(ctx: DiagnoseContext, member: FlatLine, actual: ActualLine): Divergence | null {
  if (!taskMatches(member.line.task, actual.task))
    return build(ctx, "task", "trace.task", member, actual, actual.index);
  // Same words, task and time: the line is fine, it was claimed by another expected line.
  if (timeMatches(member.time, actual.t, ctx.tolerance)) return null;
  const want = expectedT(member) ?? 0;
  return build(ctx, "time", actual.t > want ? "trace.time_late" : "trace.time_early", member, actual, actual.index);
}

/** The expected lines that still have to come after `member` (its unmatched group mates included). */
function laterExpected(ctx: DiagnoseContext, member: FlatLine): FlatLine[] {
  return ctx.flat.filter(
    (f) => f.index > member.index || (member.group !== null && f.group === member.group && f !== member),
  );
}

/** Strict mode: `member` was due exactly at output line `at`. */
export function diagnoseAt(ctx: DiagnoseContext, member: FlatLine, at: number): Divergence {
  const actual = ctx.actual[at];
  if (!actual) return missing(ctx, member, null, at, false);
  const sameLine = sameWords(member, actual) ? wordsMatchDivergence(ctx, member, actual) : null;
  if (sameLine) return sameLine;
  const actualIsExpectedLater = laterExpected(ctx, member).some((f) => sameWords(f, actual));
  const expectedComesLater = ctx.actual.slice(at + 1).some((x) => sameWords(member, x));
  const latest = latestAccepted(member.time, ctx.tolerance);
  const late = latest !== null && actual.t > latest;
  if (actualIsExpectedLater && expectedComesLater)
    return build(ctx, "order", "trace.order", member, actual, at, { late: late ? 1 : 0 });
  if (actualIsExpectedLater) return missing(ctx, member, actual, at, false);
  if (expectedComesLater) return build(ctx, "unexpected", "trace.unexpected", member, actual, at);
  return build(ctx, "text", late ? "trace.text_late" : "trace.text", member, actual, at);
}

/** Extras allowed (or after `...`): `member` never appears from output line `from` on. */
export function diagnoseNotFound(ctx: DiagnoseContext, member: FlatLine, from: number): Divergence {
  const candidate = ctx.actual.slice(from).find((x) => sameWords(member, x));
  const sameLine = candidate ? wordsMatchDivergence(ctx, member, candidate) : null;
  if (sameLine) return sameLine;
  return missing(ctx, member, null, ctx.actual.length, true);
}

/** Strict mode: output line `at` is not expected at all. */
export function diagnoseUnexpected(ctx: DiagnoseContext, at: number, member: FlatLine | null): Divergence {
  return build(ctx, "unexpected", "trace.unexpected", member, ctx.actual[at], at);
}
