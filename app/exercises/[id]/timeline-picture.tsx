import type { TimelinePicture as Picture } from "@/lib/timeline/timeline.types";
import { laneLabelText, timelineSvgNodes } from "@/lib/timeline/timeline-svg-nodes";
import { SvgTree } from "@/app/exercises/[id]/svg-tree";

/**
 * One timeline in a frame that scrolls inside itself (zoomed, or on a phone: the page never
 * scrolls sideways). The lane names stay in view while the plot scrolls horizontally: a sticky
 * copy of the names column lies over the picture's own (hidden from assistive technology, which
 * reads the picture's names).
 */
export function TimelinePicture({ picture, caption, testId }: { picture: Picture; caption: string; testId: string }) {
  const width = Math.ceil(picture.width);
  const height = Math.ceil(picture.height);
  return (
    <figure className="flex flex-col gap-1">
      <figcaption className="text-base font-semibold text-slate-700">{caption}</figcaption>
      <div
        className="max-h-[36rem] overflow-auto rounded-2xl border-2 border-slate-200 bg-white"
        tabIndex={0}
        aria-label={caption}
      >
        <div className="relative" style={{ width, height }}>
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
            aria-hidden="true"
            data-testid="sticky-lane-names"
            className="sticky left-0 border-r border-slate-400"
            style={{ width: picture.labelWidth, height }}
          >
            {picture.lanes.map((lane, i) => (
              <div
                key={lane.name}
                className={`absolute left-0 flex w-full items-center truncate text-[15px] text-slate-950 ${
                  lane.kind === "main" ? "font-bold" : "font-medium"
                } ${i % 2 === 0 ? "bg-slate-50" : "bg-white"}`}
                style={{ top: lane.y, height: picture.laneHeight, paddingLeft: 6 + lane.depth * 12 }}
                title={lane.name}
              >
                {laneLabelText(lane, picture.labelWidth)}
              </div>
            ))}
          </div>
        </div>
      </div>
    </figure>
  );
}
