import { describe, expect, it } from "vitest";
import type { RunResult } from "@/lib/run-contract/run-result.types";
import { buildTimeline } from "./build-timeline";
import { ENGLISH_TIMELINE_LABELS } from "./english-labels";
import { renderTimelineSvg } from "./render-timeline-svg";
import { splitSvgArg } from "./split-svg-arg";
import { timelineSvgNodes } from "./timeline-svg-nodes";

const run: Pick<RunResult, "events" | "virtualTime" | "lifecycle"> = {
  virtualTime: 2,
  events: [
    { t: 0, task: "Task-2", stream: "task_start", text: "say" },
    { t: 1, task: "Task-2", stream: "stdout", text: "hello" },
    { t: 2, task: "Task-3", stream: "stdout", text: "world <&>" },
    { t: 2, task: "Task-1", stream: "stdout", text: "done" },
  ],
  lifecycle: {
    truncated: false,
    lanes: [
      { name: "main", kind: "main", parent: null, start: 0, end: 2, outcome: "done", error: null },
      { name: "Task-1", kind: "task", parent: "main", start: 0, end: 2, outcome: "done", error: null },
      { name: "Task-2", kind: "task", parent: "Task-1", start: 0, end: 1, outcome: "done", error: null },
      { name: "Task-3", kind: "task", parent: "Task-1", start: 0, end: 2, outcome: "failed", error: "ValueError" },
    ],
    waits: [
      { lane: 2, from: 0, to: 1, on: "sleep", detail: "1 s", open: undefined },
      { lane: 3, from: 0, to: 2, on: "sleep", detail: "2 s" },
    ],
  },
};

describe("buildTimeline", () => {
  it("draws one lane per task, children under their parent, marks at their virtual time", () => {
    const picture = buildTimeline(run, ENGLISH_TIMELINE_LABELS, { width: 400, highlight: 1 });
    expect(picture.lanes.map((lane) => [lane.name, lane.depth])).toEqual([
      ["main", 0],
      ["Task-1", 1],
      ["Task-2", 2],
      ["Task-3", 2],
    ]);
    const [hello, world] = picture.marks;
    expect(hello.lane).toBe(2);
    expect(world.x - hello.x).toBeCloseTo(200, 5); // 1 virtual second = 200 px at width 400 for a 2 s run
    expect(picture.divergenceX).toBe(world.x);
    expect(picture.bars.filter((bar) => bar.kind === "wait").map((bar) => bar.title)).toEqual([
      "sleeping 1 s",
      "sleeping 2 s",
    ]);
    expect(picture.ends.find((end) => end.lane === 3)).toMatchObject({
      outcome: "failed",
      title: "failed: ValueError",
    });
    expect(picture.ticks[0].label).toBe("0");
  });

  it("falls back to lanes from the events for runs without a lifecycle, and folds lanes past the limit", () => {
    const events = Array.from({ length: 30 }, (_, i) => ({
      t: i / 10,
      task: `T${i}`,
      stream: "stdout" as const,
      text: `line ${i}`,
    }));
    const picture = buildTimeline({ events, virtualTime: 3 }, ENGLISH_TIMELINE_LABELS, { maxLanes: 20 });
    expect(picture.lanes).toHaveLength(20);
    expect(picture.lanes[19].name).toBe("+11");
    expect(picture.hiddenLanes).toBe(11);
    expect(picture.marks[29].lane).toBe(19);
  });

  it("piles marks that crowd one pixel range into one +N, keeping the highlighted line", () => {
    const events = Array.from({ length: 10_000 }, (_, i) => ({
      t: i / 10_000,
      task: "main",
      stream: "stdout" as const,
      text: `line ${i}`,
    }));
    const picture = buildTimeline({ events, virtualTime: 1 }, ENGLISH_TIMELINE_LABELS, { width: 700, highlight: 5000 });
    expect(picture.marks.length).toBeLessThan(400);
    const piled = picture.piles.reduce((sum, pile) => sum + pile.count, 0);
    expect(picture.marks.length + piled).toBe(10_000);
    expect(picture.marks.some((mark) => mark.index === 5000 && mark.highlighted)).toBe(true);
    expect(picture.piles[0]).toMatchObject({ lane: 0, label: `+${picture.piles[0].count}` });
    expect(picture.piles[0].title).toBe(`${picture.piles[0].count} more lines here`);
    const svg = renderTimelineSvg(timelineSvgNodes(picture));
    expect(svg.match(/data-pile=/g)).toHaveLength(picture.piles.length);
    // A few lines far apart are all drawn.
    expect(buildTimeline(run, ENGLISH_TIMELINE_LABELS, { width: 400 }).piles).toEqual([]);
  });

  it("folds the lanes under a collapsed lane into it, their lines drawn on it", () => {
    const open = buildTimeline(run, ENGLISH_TIMELINE_LABELS, { width: 400 });
    expect(open.lanes.map((lane) => [lane.name, lane.descendants, lane.collapsed])).toEqual([
      ["main", 3, false],
      ["Task-1", 2, false],
      ["Task-2", 0, false],
      ["Task-3", 0, false],
    ]);
    const folded = buildTimeline(run, ENGLISH_TIMELINE_LABELS, { width: 400, collapsed: ["Task-1"] });
    expect(folded.lanes.map((lane) => [lane.name, lane.collapsed])).toEqual([
      ["main", false],
      ["Task-1", true],
    ]);
    expect(folded.marks.map((mark) => [mark.text, mark.lane])).toEqual([
      ["hello", 1],
      ["world <&>", 1],
      ["done", 1],
    ]);
    // Their bars, waits and ends go with them.
    expect(folded.bars.every((bar) => bar.lane <= 1)).toBe(true);
    expect(folded.ends.every((end) => end.lane <= 1)).toBe(true);
    // Folding main folds everything under it, however deep.
    expect(buildTimeline(run, ENGLISH_TIMELINE_LABELS, { collapsed: ["main", "Task-1"] }).lanes).toHaveLength(1);
  });

  it("labels the axis above the lanes as well as below", () => {
    const picture = buildTimeline(run, ENGLISH_TIMELINE_LABELS, { width: 400 });
    const labels = renderTimelineSvg(timelineSvgNodes(picture)).match(/>0<\/text>/g);
    expect(labels).toHaveLength(2);
    expect(picture.topAxisY).toBeLessThan(picture.plotTop);
  });

  it("zoom widens the plot; the SVG document is escaped and has the accessible title", () => {
    const narrow = buildTimeline(run, ENGLISH_TIMELINE_LABELS, { width: 400 });
    const wide = buildTimeline(run, ENGLISH_TIMELINE_LABELS, { width: 400, zoom: 3 });
    expect(wide.width - narrow.width).toBeCloseTo(800, 5);
    const svg = renderTimelineSvg(timelineSvgNodes(narrow));
    expect(svg).toContain('role="img"');
    expect(svg).toContain("<title>Timeline of the run</title>");
    expect(svg).toContain("world &lt;&amp;&gt;");
    expect(svg).toContain('stroke-width="');
    expect(svg).not.toContain("strokeWidth");
  });
});

describe("splitSvgArg", () => {
  it("takes --svg out of the arguments and rejects a missing file", () => {
    expect(splitSvgArg(["a.py", "--svg", "out.svg", "--seed", "2"])).toEqual({
      ok: true,
      svg: "out.svg",
      rest: ["a.py", "--seed", "2"],
    });
    expect(splitSvgArg(["a.py", "--svg=x.svg"])).toMatchObject({ svg: "x.svg" });
    expect(splitSvgArg(["a.py", "--svg"])).toMatchObject({ ok: false });
  });
});
