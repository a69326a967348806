import { actualView, expectedView, fullMatch, type FlatLine } from "./match-line";
import type { ActualLine, DiffRow } from "./verdict.types";

/**
 * Longest in-order match between expected and actual lines (an LCS where "equal" means text, task,
 * stream and time all match). Group members may match in any order: each group is first reordered
 * the way its lines actually appeared. Gives the score's line checkpoints and the aligned diff.
 */
export interface Alignment {
  matched: number;
  rows: DiffRow[];
}

// Above this many cells the table would cost too much memory; a greedy in-order match is close enough.
const MAX_CELLS = 5_000_000;

export function alignTrace(flat: FlatLine[], actual: ActualLine[], tolerance: number): Alignment {
  const expected = reorderGroups(flat, actual, tolerance);
  const pairs =
    (expected.length + 1) * (actual.length + 1) > MAX_CELLS
      ? greedyPairs(expected, actual, tolerance)
      : lcsPairs(expected, actual, tolerance);
  return { matched: pairs.length, rows: buildRows(expected, actual, pairs) };
}

function reorderGroups(flat: FlatLine[], actual: ActualLine[], tolerance: number): FlatLine[] {
  const out: FlatLine[] = [];
  for (let i = 0; i < flat.length;) {
    const group = flat[i].group;
    let end = i + 1;
    while (group !== null && end < flat.length && flat[end].group === group) end++;
    const members = flat.slice(i, end);
    if (members.length > 1) {
      const firstSeen = new Map<FlatLine, number>();
      for (const line of actual) {
        const member = members.find((m) => !firstSeen.has(m) && fullMatch(m, line, tolerance));
        if (member) firstSeen.set(member, line.index);
      }
      members.sort((a, b) => (firstSeen.get(a) ?? Infinity) - (firstSeen.get(b) ?? Infinity) || a.index - b.index);
    }
    out.push(...members);
    i = end;
  }
  return out;
}

type Pair = [expectedPos: number, actualPos: number];

function lcsPairs(expected: FlatLine[], actual: ActualLine[], tolerance: number): Pair[] {
  const width = actual.length + 1;
  const table = new Uint32Array((expected.length + 1) * width);
  for (let i = expected.length - 1; i >= 0; i--) {
    for (let j = actual.length - 1; j >= 0; j--) {
      table[i * width + j] = fullMatch(expected[i], actual[j], tolerance)
        ? table[(i + 1) * width + j + 1] + 1
        : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
    }
  }
  const pairs: Pair[] = [];
  let i = 0;
  let j = 0;
  while (i < expected.length && j < actual.length) {
    if (fullMatch(expected[i], actual[j], tolerance) && table[i * width + j] === table[(i + 1) * width + j + 1] + 1) {
      pairs.push([i++, j++]);
    } else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) {
      i++;
    } else {
      j++;
    }
  }
  return pairs;
}

function greedyPairs(expected: FlatLine[], actual: ActualLine[], tolerance: number): Pair[] {
  const pairs: Pair[] = [];
  let j = 0;
  for (let i = 0; i < expected.length && j < actual.length; i++) {
    let k = j;
    while (k < actual.length && !fullMatch(expected[i], actual[k], tolerance)) k++;
    if (k < actual.length) {
      pairs.push([i, k]);
      j = k + 1;
    }
  }
  return pairs;
}

/** Between two matched pairs, unmatched lines face each other as "changed", the rest are missing/extra. */
function buildRows(expected: FlatLine[], actual: ActualLine[], pairs: Pair[]): DiffRow[] {
  const rows: DiffRow[] = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [expected.length, actual.length] as Pair]) {
    while (i < pi && j < pj)
      rows.push({ expected: expectedView(expected[i++]), actual: actualView(actual[j++]), kind: "changed" });
    while (i < pi) rows.push({ expected: expectedView(expected[i++]), kind: "missing" });
    while (j < pj) rows.push({ actual: actualView(actual[j++]), kind: "extra" });
    if (pi < expected.length)
      rows.push({ expected: expectedView(expected[i++]), actual: actualView(actual[j++]), kind: "same" });
  }
  return rows;
}
