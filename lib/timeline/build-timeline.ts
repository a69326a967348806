import { scaleLinear } from "d3-scale";
import type { Lifecycle } from "@/lib/run-contract/run-result.types";
import type {
  LaneKind,
  PictureBar,
  PictureEnd,
  PictureLane,
  PictureMark,
  TimelineLabels,
  TimelineOptions,
  TimelinePicture,
  TimelineSource,
} from "./timeline.types";
import { pileMarks } from "./pile-marks";
import { collapseLanes } from "./collapse-lanes";

const LABEL_WIDTH = 170;
const LANE_HEIGHT = 34;
// Room for the axis labels above the lanes: with 20 lanes the bottom axis is off screen.
const PLOT_TOP = 30;
const TOP_AXIS_Y = 20;
const AXIS_HEIGHT = 46;
const GAP = 12;
const MARK_STEP = 8;

interface LaneSpec {
  name: string;
  kind: LaneKind;
  parent: string | null;
  start: number;
  end: number | null;
  outcome: PictureEnd["outcome"] | null;
  error: string | null;
}

/**
 * The timeline picture of one run, as plain geometry: one lane per task, thread and greenlet
 * (children under their parent), the x axis in virtual seconds, a mark per printed line, spans for
 * when each lane was alive and what it waited on, and how it ended. Pure: the page draws it with
 * React, `npm run trace -- F --svg OUT.svg` with `renderTimelineSvg`.
 */
export function buildTimeline(
  source: TimelineSource,
  labels: TimelineLabels,
  options: TimelineOptions = {},
): TimelinePicture {
  const plotWidth = Math.max(120, options.width ?? 720) * Math.max(1, options.zoom ?? 1);
  const output = source.events.filter((event) => event.stream === "stdout" || event.stream === "stderr");
  const end = Math.max(options.end ?? 0, source.virtualTime, ...output.map((event) => event.t), 0);
  const labelWidth = options.labelWidth ?? LABEL_WIDTH;
  const x = scaleLinear()
    .domain([0, end > 0 ? end : 1])
    .range([labelWidth + GAP, labelWidth + GAP + plotWidth]);
  const laneLabel = labels.laneLabel ?? ((name: string) => name);

  const specs = orderLanes(laneSpecs(source));
  const collapsed = new Set(options.collapsed ?? []);
  const groups = collapseLanes(specs, collapsed);
  const maxLanes = Math.max(2, options.maxLanes ?? 40);
  const folded = groups.shown.length > maxLanes ? groups.shown.length - (maxLanes - 1) : 0;
  const shown = folded > 0 ? groups.shown.slice(0, maxLanes - 1) : groups.shown;
  const laneOf = new Map<string, number>();
  shown.forEach((spec, i) => laneOf.set(spec.name, i));
  const lanes: PictureLane[] = shown.map((spec, i) => ({
    name: spec.name,
    label: laneLabel(spec.name),
    kind: spec.kind,
    depth: depthOf(spec, specs),
    y: PLOT_TOP + i * LANE_HEIGHT,
    descendants: groups.descendants.get(spec.name) ?? 0,
    collapsed: collapsed.has(spec.name) && (groups.descendants.get(spec.name) ?? 0) > 0,
  }));
  if (folded > 0)
    lanes.push({
      name: `+${folded}`,
      label: `+${folded}`,
      kind: "other",
      depth: 0,
      y: PLOT_TOP + shown.length * LANE_HEIGHT,
      descendants: 0,
      collapsed: false,
    });
  const foldLane = folded > 0 ? lanes.length - 1 : -1;
  const lane = (name: string) => laneOf.get(groups.foldInto.get(name) ?? name) ?? foldLane;

  const bars: PictureBar[] = [];
  const ends: PictureEnd[] = [];
  for (const spec of shown) {
    const i = lane(spec.name);
    const stop = spec.end ?? end;
    bars.push({
      lane: i,
      x: x(spec.start),
      width: Math.max(2, x(stop) - x(spec.start)),
      kind: "alive",
      on: null,
      open: false,
      title: spec.name,
    });
    if (spec.end !== null && spec.outcome)
      ends.push({ lane: i, x: x(spec.end), outcome: spec.outcome, title: labels.outcome(spec.outcome, spec.error) });
  }
  for (const wait of source.lifecycle?.waits ?? []) {
    const spec = source.lifecycle?.lanes[wait.lane];
    const i = spec ? laneOf.get(spec.name) : undefined;
    if (i === undefined) continue;
    bars.push({
      lane: i,
      x: x(wait.from),
      width: Math.max(1, x(wait.to) - x(wait.from)),
      kind: "wait",
      on: wait.on,
      open: wait.open === true,
      title: labels.waiting(wait.on, wait.detail),
    });
  }

  const crowd = new Map<string, number>();
  const allMarks: PictureMark[] = output.map((event, index) => {
    const i = lane(event.task);
    const key = `${i}:${event.t}`;
    const seen = crowd.get(key) ?? 0;
    crowd.set(key, seen + 1);
    // Lines printed at the same instant by the same lane step right so each stays visible.
    const offset = Math.min(seen, 6) * MARK_STEP;
    return {
      lane: i,
      x: x(event.t) + offset,
      index,
      text: event.text,
      stderr: event.stream === "stderr",
      highlighted: index === options.highlight,
    };
  });
  const { marks, piles } = pileMarks(allMarks, labels.piled ?? ((count) => `${count} more lines here`));
  const highlighted = marks.find((mark) => mark.highlighted);

  const lanesHeight = lanes.length * LANE_HEIGHT;
  const ticks = x.ticks(Math.max(2, Math.round(plotWidth / 110))).map((t) => ({ x: x(t), label: formatSeconds(t) }));
  return {
    width: labelWidth + GAP * 2 + plotWidth + MARK_STEP * 2,
    height: PLOT_TOP + lanesHeight + AXIS_HEIGHT,
    labelWidth,
    laneHeight: LANE_HEIGHT,
    plotTop: PLOT_TOP,
    lanes,
    bars,
    marks,
    piles,
    ends,
    ticks,
    topAxisY: TOP_AXIS_Y,
    divergenceX: highlighted ? highlighted.x : null,
    hiddenLanes: folded,
    title: labels.title,
    axis: labels.axis,
  };
}

function laneSpecs(source: TimelineSource): LaneSpec[] {
  const specs: LaneSpec[] = lifecycleLanes(source.lifecycle);
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const fromLifecycle = new Set(byName.keys());
  const hasLifecycle = Boolean(source.lifecycle);
  for (const event of source.events) {
    const output = event.stream === "stdout" || event.stream === "stderr";
    // With a lifecycle, only printers it does not know (greenlets, raw fd writes) get extra lanes;
    // older stored runs have no lifecycle: their lanes come from the task_start/task_end events.
    if (!output && (hasLifecycle || (event.stream !== "task_start" && event.stream !== "task_end"))) continue;
    if (fromLifecycle.has(event.task)) continue;
    let spec = byName.get(event.task);
    if (!spec) {
      spec = {
        name: event.task,
        kind: event.task === "main" ? "main" : "other",
        parent: null,
        start: event.t,
        end: null,
        outcome: null,
        error: null,
      };
      specs.push(spec);
      byName.set(spec.name, spec);
    }
    if (event.stream === "task_start") spec.kind = "task";
    if (event.stream === "task_end") {
      spec.end = event.t;
      spec.outcome = event.text.startsWith("failed") ? "failed" : event.text === "cancelled" ? "cancelled" : "done";
      spec.error = event.text.startsWith("failed: ") ? event.text.slice(8) : null;
    }
  }
  return specs;
}

function lifecycleLanes(lifecycle: Lifecycle | null | undefined): LaneSpec[] {
  if (!lifecycle) return [];
  return lifecycle.lanes.map((lane) => ({
    name: lane.name,
    kind: lane.kind,
    parent: lane.parent,
    start: lane.start,
    end: lane.end,
    outcome: lane.end === null ? null : lane.outcome,
    error: lane.error,
  }));
}

/** Main first, then every lane right under the lane that created it (creation order among siblings). */
function orderLanes(specs: LaneSpec[]): LaneSpec[] {
  const names = new Set(specs.map((spec) => spec.name));
  const children = new Map<string | null, LaneSpec[]>();
  for (const spec of specs) {
    const parent = spec.parent !== null && names.has(spec.parent) && spec.parent !== spec.name ? spec.parent : null;
    children.set(parent, [...(children.get(parent) ?? []), spec]);
  }
  const ordered: LaneSpec[] = [];
  const visit = (parent: string | null) => {
    for (const spec of children.get(parent) ?? []) {
      if (ordered.includes(spec)) continue;
      ordered.push(spec);
      visit(spec.name);
    }
  };
  visit(null);
  // Anything in a parent cycle (never produced by the harness) still gets a lane.
  for (const spec of specs) if (!ordered.includes(spec)) ordered.push(spec);
  return ordered;
}

function depthOf(spec: LaneSpec, specs: LaneSpec[]): number {
  let depth = 0;
  let parent = spec.parent;
  while (parent !== null && depth < 4) {
    const next = specs.find((candidate) => candidate.name === parent);
    if (!next) break;
    depth += 1;
    parent = next.parent;
  }
  return depth;
}

/** "0", "0.5", "2", "1.25" — trailing zeros dropped, at most 3 decimals. */
export function formatSeconds(t: number): string {
  return String(Number(t.toFixed(3)));
}
