import type { PictureMark, PicturePile } from "./timeline.types";

/** Width of one pixel range that marks pile up in. */
const BUCKET_PX = 14;
/** Marks drawn per range before the rest become one "+N". */
const KEEP = 4;

/**
 * Thins the marks where too many land in one pixel range of one lane (a program printing in a
 * loop: thousands of circles on top of each other made the page crawl and said nothing). The first
 * KEEP marks of a crowded range stay, and the highlighted one; the rest become one pile "+N".
 */
export function pileMarks(
  marks: PictureMark[],
  pileTitle: (count: number) => string,
): {
  marks: PictureMark[];
  piles: PicturePile[];
} {
  const groups = new Map<string, PictureMark[]>();
  for (const mark of marks) {
    const key = `${mark.lane}:${Math.floor(mark.x / BUCKET_PX)}`;
    const group = groups.get(key);
    if (group) group.push(mark);
    else groups.set(key, [mark]);
  }
  const kept: PictureMark[] = [];
  const piles: PicturePile[] = [];
  for (const group of groups.values()) {
    if (group.length <= KEEP + 1) {
      kept.push(...group);
      continue;
    }
    const shown = group.filter((mark, i) => i < KEEP || mark.highlighted);
    kept.push(...shown);
    const count = group.length - shown.length;
    const x = Math.max(...shown.map((mark) => mark.x)) + 10;
    piles.push({ lane: group[0].lane, x, count, label: `+${count}`, title: pileTitle(count) });
  }
  kept.sort((a, b) => a.index - b.index);
  return { marks: kept, piles };
}
