import type { ReactNode } from "react";

/**
 * One card of the live dashboard: a section labelled by its heading, then `empty` (when there is
 * nothing to show yet) or the content. `before` stands between the heading and the content.
 */
export function DashboardPanel({
  titleId,
  title,
  titleHidden,
  shrinks,
  before,
  empty,
  children,
}: {
  titleId: string;
  title: ReactNode;
  /** Only for screen readers (the content carries its own caption). */
  titleHidden?: boolean;
  /** min-w-0: wide content scrolls inside the card instead of widening a grid cell past a phone's width. */
  shrinks?: boolean;
  before?: ReactNode;
  empty: string | null;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={titleId}
      className={`flex ${shrinks ? "min-w-0 " : ""}flex-col gap-3 rounded-2xl border-2 border-slate-200 bg-white p-5`}
    >
      <h2 id={titleId} className={titleHidden ? "sr-only" : "text-2xl font-bold text-slate-950"}>
        {title}
      </h2>
      {before}
      {empty === null ? children : <p className="text-lg text-slate-600">{empty}</p>}
    </section>
  );
}
