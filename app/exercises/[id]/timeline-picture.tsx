import type { UIEvent } from "react";
import type { TimelinePicture as Picture } from "@/lib/timeline/timeline.types";
import { laneLabelText, timelineSvgNodes } from "@/lib/timeline/timeline-svg-nodes";
import { SvgTree } from "@/app/exercises/[id]/svg-tree";

interface TimelinePictureProps {
  picture: Picture;
  caption: string;
  testId: string;
  /** Fold / unfold the lanes under a lane; absent: no controls (the expected trace). */
  group?: { toggle(name: string): void; label(lane: Picture["lanes"][number]): string };
  /** The frame scrolled sideways (the page keeps the run and the expected trace aligned). */
  onScroll?(event: UIEvent<HTMLDivElement>): void;
}

/**
 * One timeline in a frame that scrolls inside itself (zoomed, or on a phone: the page never
 * scrolls sideways). The lane names stay in view while the plot scrolls horizontally: a sticky
 * copy of the names column lies over the picture's own (its text hidden from assistive technology,
 * which reads the picture's names), with a fold control on every lane that has lanes under it.
 * The top axis stays in view too when many lanes scroll the frame vertically: a sticky band of
 * zero height carries a copy of the tick labels, so nothing below it moves.
 */
export function TimelinePicture({ picture, caption, testId, group, onScroll }: TimelinePictureProps) {
  const width = Math.ceil(picture.width);
  const height = Math.ceil(picture.height);
  return (
    <figure className="flex flex-col gap-1">
      <figcaption className="text-base font-semibold text-slate-700">{caption}</figcaption>
      <div
        className="max-h-[36rem] overflow-auto rounded-2xl border-2 border-slate-200 bg-white"
        tabIndex={0}
        aria-label={caption}
        data-timeline-frame=""
        onScroll={onScroll}
      >
        <div className="relative" style={{ width, height }}>
          <StickyTopAxis picture={picture} width={width} />
          <div className="absolute top-0 left-0">
            <SvgTree
              node={timelineSvgNodes(picture)}
              rootProps={{
                role: "img",
                "aria-label": picture.title,
                "data-testid": testId,
                "data-lanes": String(picture.lanes.length),
              }}
            />
          </div>
          <div
            data-testid="sticky-lane-names"
            className="sticky left-0 border-r border-slate-400 bg-white"
            style={{ width: picture.labelWidth, height }}
          >
            {picture.lanes.map((lane, i) => (
              <div
                key={lane.name}
                className={`absolute left-0 flex w-full items-center gap-1 pr-1 text-[15px] text-slate-950 ${
                  lane.kind === "main" ? "font-bold" : "font-medium"
                } ${i % 2 === 0 ? "bg-slate-50" : "bg-white"}`}
                style={{ top: lane.y, height: picture.laneHeight, paddingLeft: 6 + lane.depth * 12 }}
              >
                <span aria-hidden="true" className="min-w-0 flex-1 truncate" title={lane.name}>
                  {laneLabelText(lane, picture.labelWidth - (group && lane.descendants > 0 ? 44 : 0))}
                </span>
                {group && lane.descendants > 0 ? (
                  <button
                    type="button"
                    aria-expanded={!lane.collapsed}
                    aria-label={group.label(lane)}
                    data-testid="lane-fold"
                    onClick={() => group.toggle(lane.name)}
                    className="h-7 min-w-9 shrink-0 rounded border border-slate-400 bg-white px-1 text-sm font-semibold text-slate-800 tabular-nums hover:bg-slate-100"
                  >
                    {lane.collapsed ? `+${lane.descendants}` : "−"}
                  </button>
                ) : null}
              </div>
            ))}
          </div>
        </div>
      </div>
    </figure>
  );
}

/** The top axis's tick labels, kept at the top of the frame while its lanes scroll under it. */
function StickyTopAxis({ picture, width }: { picture: Picture; width: number }) {
  return (
    <div aria-hidden="true" data-testid="sticky-top-axis" className="sticky top-0 z-20 h-0" style={{ width }}>
      <div
        className="absolute top-0 left-0 border-b border-slate-300 bg-white"
        style={{ width, height: picture.plotTop }}
      >
        {picture.ticks.map((tick) => (
          <span
            key={tick.x}
            className="absolute -translate-x-1/2 text-[14px] leading-none text-slate-600 tabular-nums"
            style={{ left: tick.x, top: picture.topAxisY - 12 }}
          >
            {tick.label}
          </span>
        ))}
        <div className="sticky left-0 h-full bg-white" style={{ width: picture.labelWidth }} />
      </div>
    </div>
  );
}
