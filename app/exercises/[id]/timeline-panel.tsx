"use client";

import { useEffect, useState, type ComponentType } from "react";
import type { TimelineViewProps } from "@/app/exercises/[id]/timeline-view";

type View = ComponentType<TimelineViewProps>;
let loading: Promise<View> | null = null;

/** The timeline pictures, loaded after the first paint (d3-scale and the picture code). */
export function TimelinePanel(props: TimelineViewProps) {
  const [View, setView] = useState<View | null>(null);
  useEffect(() => {
    let active = true;
    loading ??= import("@/app/exercises/[id]/timeline-view").then((module) => module.TimelineView);
    void loading.then((component) => {
      if (active) setView(() => component);
    });
    return () => {
      active = false;
    };
  }, []);
  if (View) return <View {...props} />;
  return (
    <div
      aria-busy="true"
      className="h-40 animate-pulse rounded-2xl border-2 border-slate-200 bg-white"
      data-testid="timeline-loading"
    />
  );
}
