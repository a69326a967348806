import type { PictureBar, PictureEnd, TimelinePicture } from "./timeline.types";

/**
 * The picture as a tree of SVG elements (attribute names in React's camelCase). React renders
 * the tree as JSX; `renderTimelineSvg` serialises the same tree, so page and CLI draw one picture.
 */
export interface SvgNode {
  tag: string;
  attrs: Record<string, string | number>;
  children?: SvgNode[];
  text?: string;
}

/** Fill per kind of wait; every colour keeps the dark marks above it readable. */
export const WAIT_COLORS: Record<string, string> = {
  sleep: "#fde68a",
  future: "#bfdbfe",
  task: "#bfdbfe",
  gather: "#bfdbfe",
  wait: "#bfdbfe",
  wait_for: "#bfdbfe",
  timeout: "#bfdbfe",
  lock: "#fecaca",
  event: "#fecaca",
  condition: "#fecaca",
  semaphore: "#fecaca",
  barrier: "#fecaca",
  queue: "#ddd6fe",
  thread: "#bbf7d0",
  network: "#a5f3fc",
  loop: "#e2e8f0",
  other: "#e2e8f0",
};

const INK = "#0f172a";
const MUTED = "#475569";
const DIVERGENCE = "#b91c1c";

function node(tag: string, attrs: SvgNode["attrs"], children?: SvgNode[], text?: string): SvgNode {
  return { tag, attrs, children, text };
}

const title = (text: string) => node("title", {}, undefined, text);

function barNode(bar: PictureBar, picture: TimelinePicture): SvgNode {
  const middle = picture.plotTop + bar.lane * picture.laneHeight + picture.laneHeight / 2;
  if (bar.kind === "alive") {
    return node("rect", { x: bar.x, y: middle - 3, width: bar.width, height: 6, rx: 3, fill: "#3730a3" }, [
      title(bar.title),
    ]);
  }
  const attrs: SvgNode["attrs"] = {
    x: bar.x,
    y: middle - 11,
    width: bar.width,
    height: 22,
    rx: 4,
    fill: WAIT_COLORS[bar.on ?? "other"] ?? WAIT_COLORS.other,
    stroke: "#64748b",
    strokeWidth: 1,
  };
  if (bar.open) attrs.strokeDasharray = "4 3";
  return node("rect", attrs, [title(bar.title)]);
}

function endNode(end: PictureEnd, picture: TimelinePicture): SvgNode {
  const y = picture.plotTop + end.lane * picture.laneHeight + picture.laneHeight / 2;
  const children = [title(end.title)];
  if (end.outcome === "failed") {
    const d = `M${end.x - 6} ${y - 6}L${end.x + 6} ${y + 6}M${end.x + 6} ${y - 6}L${end.x - 6} ${y + 6}`;
    return node("path", { d, stroke: DIVERGENCE, strokeWidth: 3, "data-outcome": "failed" }, children);
  }
  if (end.outcome === "cancelled") {
    return node(
      "rect",
      {
        x: end.x - 5,
        y: y - 5,
        width: 10,
        height: 10,
        fill: "#ffffff",
        stroke: MUTED,
        strokeWidth: 2.5,
        "data-outcome": "cancelled",
      },
      children,
    );
  }
  return node(
    "path",
    { d: `M${end.x} ${y - 8}V${y + 8}`, stroke: "#047857", strokeWidth: 4, "data-outcome": end.outcome },
    children,
  );
}

export function timelineSvgNodes(picture: TimelinePicture): SvgNode {
  const plotBottom = picture.plotTop + picture.lanes.length * picture.laneHeight;
  const lanes = picture.lanes.map((lane, i) =>
    node("g", { "data-lane": lane.name }, [
      node("rect", {
        x: 0,
        y: lane.y,
        width: picture.width,
        height: picture.laneHeight,
        fill: i % 2 === 0 ? "#f8fafc" : "#ffffff",
      }),
      node(
        "text",
        {
          x: 6 + lane.depth * 12,
          y: lane.y + picture.laneHeight / 2 + 5,
          fontSize: 15,
          fill: INK,
          fontWeight: lane.kind === "main" ? 700 : 500,
        },
        [title(lane.name)],
        laneLabelText(lane, picture.labelWidth),
      ),
    ]),
  );
  const ticks = picture.ticks.map((tick) =>
    node("g", {}, [
      node("line", {
        x1: tick.x,
        x2: tick.x,
        y1: picture.plotTop,
        y2: plotBottom + 6,
        stroke: "#cbd5e1",
        strokeWidth: 1,
      }),
      node(
        "text",
        { x: tick.x, y: plotBottom + 22, fontSize: 14, fill: MUTED, textAnchor: "middle" },
        undefined,
        tick.label,
      ),
      node(
        "text",
        { x: tick.x, y: picture.topAxisY, fontSize: 14, fill: MUTED, textAnchor: "middle" },
        undefined,
        tick.label,
      ),
    ]),
  );
  const piles = picture.piles.map((pile) => {
    const y = picture.plotTop + pile.lane * picture.laneHeight + picture.laneHeight / 2;
    const width = 10 + pile.label.length * 8;
    return node("g", { "data-pile": pile.count }, [
      title(pile.title),
      node("rect", { x: pile.x, y: y - 11, width, height: 22, rx: 11, fill: INK }),
      node(
        "text",
        { x: pile.x + width / 2, y: y + 5, fontSize: 13, fontWeight: 700, fill: "#ffffff", textAnchor: "middle" },
        undefined,
        pile.label,
      ),
    ]);
  });
  const marks = picture.marks.map((mark) => {
    const y = picture.plotTop + mark.lane * picture.laneHeight + picture.laneHeight / 2;
    const children = [title(mark.text)];
    if (mark.highlighted)
      children.unshift(node("circle", { cx: mark.x, cy: y, r: 11, fill: "none", stroke: DIVERGENCE, strokeWidth: 3 }));
    return node("g", { "data-mark": mark.index }, [
      ...children,
      node("circle", {
        cx: mark.x,
        cy: y,
        r: 6,
        fill: mark.stderr ? DIVERGENCE : INK,
        stroke: "#ffffff",
        strokeWidth: 1.5,
      }),
    ]);
  });
  const divergence =
    picture.divergenceX === null
      ? []
      : [
          node("line", {
            x1: picture.divergenceX,
            x2: picture.divergenceX,
            y1: picture.plotTop,
            y2: plotBottom,
            stroke: DIVERGENCE,
            strokeWidth: 2,
            strokeDasharray: "6 4",
            "data-divergence": "true",
          }),
        ];
  return node(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      width: Math.ceil(picture.width),
      height: Math.ceil(picture.height),
      viewBox: `0 0 ${Math.ceil(picture.width)} ${Math.ceil(picture.height)}`,
      fontFamily: "ui-sans-serif, system-ui, sans-serif",
    },
    [
      node("title", {}, undefined, picture.title),
      node("g", {}, lanes),
      node("g", {}, ticks),
      node("line", {
        x1: picture.labelWidth,
        x2: picture.labelWidth,
        y1: picture.plotTop,
        y2: plotBottom,
        stroke: "#94a3b8",
        strokeWidth: 1,
      }),
      node(
        "g",
        {},
        picture.bars.filter((bar) => bar.kind === "alive").map((bar) => barNode(bar, picture)),
      ),
      node(
        "g",
        {},
        picture.bars.filter((bar) => bar.kind === "wait").map((bar) => barNode(bar, picture)),
      ),
      node(
        "g",
        {},
        picture.ends.map((end) => endNode(end, picture)),
      ),
      node("g", {}, divergence),
      node("g", {}, marks),
      node("g", {}, piles),
      node(
        "text",
        { x: picture.width - 8, y: plotBottom + 40, fontSize: 13, fill: MUTED, textAnchor: "end" },
        undefined,
        picture.axis,
      ),
    ],
  );
}

/** A lane's name as drawn in the names column (shortened to fit it). */
export function laneLabelText(lane: { label: string; depth: number }, labelWidth: number): string {
  return shorten(lane.label, Math.floor(labelWidth / 9) - lane.depth);
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}
