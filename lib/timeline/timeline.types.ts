import type { Lifecycle, TraceEvent } from "@/lib/run-contract/run-result.types";

/** What the picture is drawn from: a run (its events and lifecycle) or an expected trace (marks only). */
export interface TimelineSource {
  events: readonly TraceEvent[];
  virtualTime: number;
  lifecycle?: Lifecycle | null;
}

export interface TimelineLabels {
  /** Accessible name of the picture ("Timeline of the run"). */
  title: string;
  /** Axis caption ("virtual seconds"). */
  axis: string;
  /** Tooltip texts; `{detail}` etc. are filled in by the builder. */
  waiting: (on: string, detail: string | null) => string;
  outcome: (outcome: string, error: string | null) => string;
  /** How a lane's name is shown (e.g. "main" in the reader's language); default: as is. */
  laneLabel?: (name: string) => string;
  /** Tooltip of a pile of marks ("+N"): default "N more lines here". */
  piled?: (count: number) => string;
}

export interface TimelineOptions {
  /** Plot width in px at zoom 1 (the lane labels come on top of it). */
  width?: number;
  /** Horizontal zoom factor (1 = fit the whole run into `width`). */
  zoom?: number;
  /** Index among output lines to mark as the first divergence. */
  highlight?: number | null;
  /** Lanes beyond this are folded into one "+N more" lane. */
  maxLanes?: number;
  /** Width of the lane names column in px (default 170; narrower on phones). */
  labelWidth?: number;
  /** Right end of the axis in virtual seconds (to align a run and its expected trace). */
  end?: number;
  /** Lanes whose lanes below (the tasks they created, and theirs) are folded into them. */
  collapsed?: readonly string[];
}

export type LaneKind = "main" | "task" | "thread" | "other";

export interface PictureLane {
  name: string;
  label: string;
  kind: LaneKind;
  depth: number;
  y: number;
  /** How many lanes were created under this one (directly or not): what folding it hides. */
  descendants: number;
  /** Its descendants are folded into it (their lines are drawn on it). */
  collapsed: boolean;
}

export interface PictureBar {
  lane: number;
  x: number;
  width: number;
  kind: "alive" | "wait";
  on: string | null;
  open: boolean;
  title: string;
}

export interface PictureMark {
  lane: number;
  x: number;
  /** Output line index (for the highlight and the table). */
  index: number;
  text: string;
  stderr: boolean;
  highlighted: boolean;
}

/** Marks too many to draw in one pixel range of a lane, shown as "+N". */
export interface PicturePile {
  lane: number;
  x: number;
  count: number;
  label: string;
  title: string;
}

export interface PictureEnd {
  lane: number;
  x: number;
  outcome: "done" | "cancelled" | "failed" | "unfinished";
  title: string;
}

export interface TimelinePicture {
  width: number;
  height: number;
  labelWidth: number;
  laneHeight: number;
  plotTop: number;
  lanes: PictureLane[];
  bars: PictureBar[];
  marks: PictureMark[];
  piles: PicturePile[];
  ends: PictureEnd[];
  ticks: { x: number; label: string }[];
  /** y of the axis labels above the lanes (the axis is drawn above and below them). */
  topAxisY: number;
  /** x of the first divergence, when one is marked. */
  divergenceX: number | null;
  /** Lanes folded away (more than maxLanes). */
  hiddenLanes: number;
  title: string;
  axis: string;
}
