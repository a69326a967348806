import type { CellStatus } from "@/lib/assignments/gradebook.types";

/** Colour AND a text label (never colour alone), readable from the back of the room. */
export const STATUS_STYLE: Record<CellStatus, string> = {
  not_tried: "border-slate-300 bg-slate-50 text-slate-700",
  pending: "border-sky-700 bg-sky-50 text-sky-900",
  failing: "border-red-700 bg-red-50 text-red-900",
  passed: "border-emerald-700 bg-emerald-50 text-emerald-900",
  late: "border-amber-600 bg-amber-50 text-amber-900",
  needs_review: "border-purple-700 bg-purple-50 text-purple-900",
  overridden: "border-indigo-700 bg-indigo-50 text-indigo-900",
};

export function StatusBadge({ status, label }: { status: CellStatus; label: string }) {
  return (
    <span className={`inline-block rounded-full border-2 px-2 py-0.5 text-sm font-bold ${STATUS_STYLE[status]}`}>
      {label}
    </span>
  );
}
