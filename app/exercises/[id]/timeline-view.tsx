"use client";

import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState, type UIEvent } from "react";
import type { Lifecycle, TraceEvent } from "@/lib/run-contract/run-result.types";
import { buildTimeline } from "@/lib/timeline/build-timeline";
import { expectedSource, type ExpectedLine } from "@/lib/timeline/expected-source";
import type { TimelineLabels } from "@/lib/timeline/timeline.types";
import { WAIT_COLORS } from "@/lib/timeline/timeline-svg-nodes";
import { secondaryButton } from "@/app/_components/button-styles";
import { TimelinePicture as Picture } from "@/app/exercises/[id]/timeline-picture";

export interface TimelineViewProps {
  run: { events: readonly TraceEvent[]; virtualTime: number; lifecycle: Lifecycle | null };
  /** Output line index of the first divergence in the run. */
  highlight: number | null;
  expected: readonly ExpectedLine[] | null;
  /** Expected line index of the first divergence. */
  expectedHighlight: number | null;
  /** The run is the program's real one (a prediction's answer), not the student's. */
  realRun?: boolean;
}

const ZOOMS = [1, 2, 4, 8, 16];
const WAIT_KINDS = [
  "sleep",
  "future",
  "task",
  "gather",
  "wait",
  "wait_for",
  "timeout",
  "lock",
  "event",
  "condition",
  "semaphore",
  "barrier",
  "queue",
  "thread",
  "network",
  "loop",
  "other",
];
const LEGEND = [
  { key: "sleep", color: WAIT_COLORS.sleep },
  { key: "await", color: WAIT_COLORS.task },
  { key: "lock", color: WAIT_COLORS.lock },
  { key: "queue", color: WAIT_COLORS.queue },
  { key: "thread", color: WAIT_COLORS.thread },
  { key: "network", color: WAIT_COLORS.network },
  { key: "loop", color: WAIT_COLORS.loop },
] as const;

/**
 * The run as a picture: one lane per task / thread / greenlet over virtual time, and the expected
 * trace under it on the same axis, the first divergence marked in both. Zoom widens the plot;
 * the frame scrolls sideways so the page itself never does.
 */
export function TimelineView({ run, highlight, expected, expectedHighlight, realRun }: TimelineViewProps) {
  const t = useTranslations("exercisePage");
  const frame = useRef<HTMLDivElement>(null);
  const [frameWidth, setFrameWidth] = useState(720);
  const [zoom, setZoom] = useState(0);
  const [collapsed, setCollapsed] = useState<string[]>([]);
  const toggle = (name: string) =>
    setCollapsed((now) => (now.includes(name) ? now.filter((other) => other !== name) : [...now, name]));

  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setFrameWidth(Math.round(entry.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const labels = useMemo<Omit<TimelineLabels, "title">>(
    () => ({
      axis: t("timeline.axis"),
      waiting: (on, detail) =>
        t("timeline.waiting", {
          what: t(`timeline.wait.${WAIT_KINDS.includes(on) ? on : "other"}`),
          detail: detail ?? "",
        }).trim(),
      outcome: (outcome, error) =>
        outcome === "failed" && error ? t("timeline.failedWith", { error }) : t(`timeline.outcome.${outcome}`),
      // "?" is the lane of expected lines whose spec names no task.
      laneLabel: (name) => (name === "main" ? t("timeline.main") : name === "?" ? t("timeline.anyTask") : name),
      piled: (count) => t("timeline.piled", { count }),
    }),
    [t],
  );
  const narrow = frameWidth < 520;
  const expectedRun = expected && expected.length > 0 ? expectedSource(expected) : null;
  const end = Math.max(run.virtualTime, expectedRun?.virtualTime ?? 0);
  const options = {
    width: Math.max(140, frameWidth - (narrow ? 110 : 170) - 40),
    zoom: ZOOMS[zoom],
    labelWidth: narrow ? 110 : 170,
    end,
    maxLanes: 40,
  };
  const actual = buildTimeline(run, { ...labels, title: t("timeline.title") }, { ...options, highlight, collapsed });
  const wanted = expectedRun
    ? buildTimeline(
        expectedRun,
        { ...labels, title: t("timeline.expectedTitle") },
        { ...options, highlight: expectedHighlight },
      )
    : null;

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <h3 className="text-xl font-bold text-slate-950">{t("timeline.heading")}</h3>
        <div role="group" aria-label={t("timeline.zoom")} className="ml-auto flex gap-2">
          <button
            type="button"
            className={secondaryButton}
            onClick={() => setZoom((z) => Math.max(0, z - 1))}
            disabled={zoom === 0}
            aria-label={t("timeline.zoomOut")}
          >
            −
          </button>
          <span className="self-center tabular-nums text-base text-slate-700" aria-live="polite">
            {ZOOMS[zoom]}×
          </span>
          <button
            type="button"
            className={secondaryButton}
            onClick={() => setZoom((z) => Math.min(ZOOMS.length - 1, z + 1))}
            disabled={zoom === ZOOMS.length - 1}
            aria-label={t("timeline.zoomIn")}
          >
            +
          </button>
        </div>
      </div>
      <div ref={frame} className="flex flex-col gap-4" data-timeline-frames="">
        <Picture
          picture={actual}
          caption={t(realRun ? "timeline.realRun" : "timeline.yours")}
          testId="timeline-run"
          onScroll={alignFrames}
          group={{
            toggle,
            label: (lane) =>
              t(lane.collapsed ? "timeline.unfold" : "timeline.fold", { name: lane.label, count: lane.descendants }),
          }}
        />
        {wanted ? (
          <Picture
            picture={wanted}
            caption={t("timeline.expected")}
            testId="timeline-expected"
            onScroll={alignFrames}
          />
        ) : null}
      </div>
      {actual.hiddenLanes > 0 ? (
        <p className="text-base text-slate-700">{t("timeline.folded", { count: actual.hiddenLanes })}</p>
      ) : null}
      <ul className="flex flex-wrap gap-x-5 gap-y-1 text-base text-slate-800" aria-label={t("timeline.legendTitle")}>
        <li className="flex items-center gap-2">
          <span aria-hidden="true" className="inline-block h-1.5 w-6 rounded bg-brand-700" />
          {t("timeline.legend.alive")}
        </li>
        {LEGEND.map((item) => (
          <li key={item.key} className="flex items-center gap-2">
            <span
              aria-hidden="true"
              className="inline-block h-4 w-6 rounded border border-slate-500"
              style={{ backgroundColor: item.color }}
            />
            {t(`timeline.legend.${item.key}`)}
          </li>
        ))}
        <li className="flex items-center gap-2">
          <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full bg-slate-900" />
          {t("timeline.legend.line")}
        </li>
        <li className="flex items-center gap-2">
          <span aria-hidden="true" className="inline-block h-4 w-0 border-l-2 border-dashed border-red-700" />
          {t("timeline.legend.divergence")}
        </li>
      </ul>
    </div>
  );
}

/** The run and the expected trace share one time axis: scrolling one sideways scrolls the other. */
function alignFrames(event: UIEvent<HTMLDivElement>) {
  const source = event.currentTarget;
  const frames = source.closest("[data-timeline-frames]")?.querySelectorAll<HTMLElement>("[data-timeline-frame]") ?? [];
  for (const frame of frames)
    if (frame !== source && frame.scrollLeft !== source.scrollLeft) frame.scrollLeft = source.scrollLeft;
}
