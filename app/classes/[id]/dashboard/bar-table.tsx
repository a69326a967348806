/**
 * A bar chart that is also its own text alternative: a real table (label, value) with the bar drawn
 * in a cell and hidden from screen readers. High contrast, no library, fine on a projector.
 */
export interface Bar {
  key: string;
  label: string;
  /** 0..1 of the row's full width. */
  share: number;
  value: string;
}

export function BarTable({
  caption,
  labelHeader,
  valueHeader,
  bars,
  tone = "brand",
}: {
  caption: string;
  labelHeader: string;
  valueHeader: string;
  bars: Bar[];
  tone?: "brand" | "emerald";
}) {
  const fill = tone === "emerald" ? "bg-emerald-600" : "bg-brand-600";
  return (
    <table className="w-full table-fixed border-collapse text-left text-lg">
      <caption className="pb-2 text-left text-xl font-bold text-slate-950">{caption}</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">{labelHeader}</th>
          <th scope="col">{valueHeader}</th>
        </tr>
      </thead>
      <tbody>
        {bars.map((bar) => (
          <tr key={bar.key}>
            <th
              scope="row"
              className="w-1/2 py-1 pr-3 align-middle font-semibold text-slate-800 [overflow-wrap:anywhere] sm:w-2/5"
            >
              {bar.label}
            </th>
            <td className="py-1 align-middle">
              <div className="flex items-center gap-3">
                <div aria-hidden="true" className="h-6 min-w-0 flex-1 rounded bg-slate-100">
                  <div
                    className={`h-6 rounded ${fill}`}
                    style={{ width: `${Math.round(Math.max(0, Math.min(1, bar.share)) * 100)}%` }}
                  />
                </div>
                <span className="w-20 shrink-0 text-right font-bold tabular-nums text-slate-950 sm:w-28">
                  {bar.value}
                </span>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
