import { diagnoseAt, diagnoseNotFound, diagnoseUnexpected } from "./diagnose-line";
import { flattenLines, fullMatch, toleranceOf, type FlatLine } from "./match-line";
import type { ExpectedSpec } from "./spec.types";
import type { ActualLine, CheckableRun, Divergence } from "./verdict.types";

/**
 * Walks the expected lines in order against the actual output and returns where the output first
 * stops satisfying the spec (null when every expected line is satisfied and nothing extra is
 * printed where extras are forbidden). Constraints are checked separately.
 */
export function findLineDivergence(spec: ExpectedSpec, actual: ActualLine[], run: CheckableRun): Divergence | null {
  const tolerance = toleranceOf(spec);
  const flat = flattenLines(spec);
  const ctx = { flat, actual, run, tolerance };
  const extraAllowed = spec.extraOutput === "allowed";
  let position = 0;
  let searching = extraAllowed;
  for (let itemIndex = 0; itemIndex < spec.items.length; itemIndex++) {
    const item = spec.items[itemIndex];
    if (item.type === "skip") {
      searching = true;
      continue;
    }
    const members = flat.filter((f) => (item.type === "line" ? f.line === item : f.group === itemIndex));
    const outcome = searching
      ? searchBlock(members, actual, position, tolerance)
      : exactBlock(members, actual, position, tolerance);
    if (typeof outcome === "number") {
      position = outcome;
      searching = extraAllowed;
      continue;
    }
    const { member, at } = outcome;
    return searching ? diagnoseNotFound(ctx, member, at) : diagnoseAt(ctx, member, at);
  }
  if (!searching && position < actual.length) return diagnoseUnexpected(ctx, position, null);
  return null;
}

type BlockOutcome = number | { member: FlatLine; at: number };

/** The members must match the next `members.length` lines, in any order. */
function exactBlock(members: FlatLine[], actual: ActualLine[], start: number, tolerance: number): BlockOutcome {
  const window = actual.slice(start, start + members.length);
  const assignment = maxMatching(members, window, tolerance);
  const unmatchedMember = members.findIndex((_, i) => assignment.memberToActual[i] < 0);
  if (unmatchedMember < 0) return start + members.length;
  const firstFreeActual = window.findIndex((_, j) => assignment.actualToMember[j] < 0);
  const at = firstFreeActual < 0 ? start + window.length : start + firstFreeActual;
  return { member: pickMemberFor(members, assignment.memberToActual, actual[at]), at };
}

/** Extras allowed: the smallest window from `start` holding every member. */
function searchBlock(members: FlatLine[], actual: ActualLine[], start: number, tolerance: number): BlockOutcome {
  for (let end = start + members.length; end <= actual.length; end++) {
    const last = actual[end - 1];
    if (!members.some((m) => fullMatch(m, last, tolerance))) continue;
    const assignment = maxMatching(members, actual.slice(start, end), tolerance);
    if (assignment.memberToActual.every((a) => a >= 0)) return end;
  }
  const assignment = maxMatching(members, actual.slice(start), tolerance);
  const missing = members.find((_, i) => assignment.memberToActual[i] < 0) ?? members[0];
  return { member: missing, at: start };
}

/** Prefer reporting the unmatched member that has the same words as the offending actual line. */
function pickMemberFor(members: FlatLine[], memberToActual: number[], offending: ActualLine | undefined): FlatLine {
  const unmatched = members.filter((_, i) => memberToActual[i] < 0);
  if (offending) {
    const sameText = unmatched.find(
      (m) =>
        m.line.stream === offending.stream &&
        m.line.text.kind === "literal" &&
        m.line.text.text.trimEnd() === offending.text,
    );
    if (sameText) return sameText;
  }
  return unmatched[0];
}

/** Kuhn's augmenting paths: groups are small (a handful of tasks), so this is plenty fast. */
export function maxMatching(members: FlatLine[], window: ActualLine[], tolerance: number) {
  const memberToActual = members.map(() => -1);
  const actualToMember = window.map(() => -1);
  const tryAssign = (m: number, visited: boolean[]): boolean => {
    for (let j = 0; j < window.length; j++) {
      if (visited[j] || !fullMatch(members[m], window[j], tolerance)) continue;
      visited[j] = true;
      if (actualToMember[j] < 0 || tryAssign(actualToMember[j], visited)) {
        memberToActual[m] = j;
        actualToMember[j] = m;
        return true;
      }
    }
    return false;
  };
  for (let m = 0; m < members.length; m++)
    tryAssign(
      m,
      window.map(() => false),
    );
  return { memberToActual, actualToMember };
}
