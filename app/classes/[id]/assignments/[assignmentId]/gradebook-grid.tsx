"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import type { GradebookView } from "@/lib/assignments/get-gradebook";
import {
  CELL_STATUSES,
  type CellStatus,
  type GradebookCell,
  type GradebookRow,
} from "@/lib/assignments/gradebook.types";
import { secondaryButton } from "@/app/_components/button-styles";
import { STATUS_STYLE } from "@/app/classes/[id]/assignments/status-badge";
import { ExtensionDialog, OverrideDialog } from "@/app/classes/[id]/assignments/[assignmentId]/grade-dialogs";

type SortKey = "name" | "total" | "lateDays" | number;

const input = "rounded-lg border-2 border-slate-400 bg-white px-3 py-2 text-lg text-slate-900";

/**
 * Students × exercises with totals. Sort by any column (click its header), filter by name/email
 * and by a cell status; a cell opens the override dialog, a row's button the extension dialog.
 */
export function GradebookGrid({ book, locale }: { book: GradebookView; locale: string }) {
  const t = useTranslations("assignments");
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: "name", descending: false });
  const [query, setQuery] = useState("");
  const [status, setStatus] = useState<CellStatus | "">("");
  const [editing, setEditing] = useState<{ row: GradebookRow; cell: GradebookCell } | null>(null);
  const [extending, setExtending] = useState<GradebookRow | null>(null);
  const titleOf = (index: number) =>
    locale === "zh-CN" ? book.exercises[index].title.zh : book.exercises[index].title.en;

  const rows = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const filtered = book.students.filter(
      (row) =>
        (!needle || row.name.toLowerCase().includes(needle) || row.email.includes(needle)) &&
        (!status || row.cells.some((c) => c.status === status)),
    );
    const value = (row: GradebookRow): string | number =>
      sort.key === "name"
        ? row.name
        : sort.key === "total"
          ? row.total
          : sort.key === "lateDays"
            ? row.lateDays
            : row.cells[sort.key].points;
    const sorted = [...filtered].sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), locale);
      return sort.descending ? -order : order;
    });
    return sorted;
  }, [book.students, query, status, sort, locale]);

  function header(key: SortKey, text: string) {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        aria-sort={active ? (sort.descending ? "descending" : "ascending") : "none"}
        className="px-3 py-2 text-left align-bottom"
      >
        <button
          type="button"
          className="font-bold text-slate-900 underline-offset-4 hover:underline"
          aria-label={t("gradebook.sortBy", { column: text })}
          onClick={() => setSort({ key, descending: active ? !sort.descending : key !== "name" })}
        >
          {text} {active ? (sort.descending ? "▼" : "▲") : ""}
        </button>
      </th>
    );
  }

  return (
    <section aria-labelledby="gradebook-title" className="flex flex-col gap-3">
      <h2 id="gradebook-title" className="text-2xl font-bold text-slate-950">
        {t("gradebook.title")}
      </h2>
      <div className="flex flex-wrap gap-3">
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={t("gradebook.filter")}
          aria-label={t("gradebook.filter")}
          className={input}
        />
        <select
          value={status}
          onChange={(e) => setStatus(e.target.value as CellStatus | "")}
          aria-label={t("gradebook.filterStatus")}
          className={input}
        >
          <option value="">{t("gradebook.anyStatus")}</option>
          {CELL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {book.students.length === 0 ? (
        <p className="text-lg text-slate-600">{t("gradebook.emptyClass")}</p>
      ) : (
        <div className="overflow-x-auto rounded-2xl border-2 border-slate-200 bg-white">
          <table className="min-w-full border-collapse text-base">
            <thead className="bg-slate-50">
              <tr>
                {header("name", t("gradebook.student"))}
                {book.exercises.map((exercise, index) => header(index, `${titleOf(index)} (${exercise.points})`))}
                {header("total", `${t("gradebook.total")} (${book.pointsPossible})`)}
                {header("lateDays", t("gradebook.lateDays"))}
                <th scope="col" className="px-3 py-2 text-left font-bold text-slate-900">
                  {t("gradebook.actions")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={book.exercises.length + 4} className="px-3 py-4 text-lg text-slate-600">
                    {t("gradebook.noStudents")}
                  </td>
                </tr>
              ) : null}
              {rows.map((row) => (
                <tr key={row.userId} className="border-t-2 border-slate-100">
                  <th scope="row" className="px-3 py-2 text-left font-semibold text-slate-950">
                    {row.name}
                    <span className="block text-sm font-normal text-slate-600">{row.email}</span>
                  </th>
                  {row.cells.map((cell, index) => (
                    <td key={cell.exerciseId} className="px-2 py-2">
                      <button
                        type="button"
                        onClick={() => setEditing({ row, cell })}
                        aria-label={t("gradebook.cellLabel", {
                          name: row.name,
                          exercise: titleOf(index),
                          points: cell.points,
                          possible: cell.pointsPossible,
                          status: t(`status.${cell.status}`),
                        })}
                        className={`flex w-full min-w-28 flex-col items-start rounded-lg border-2 px-2 py-1 text-left ${STATUS_STYLE[cell.status]}`}
                      >
                        <span className="text-lg font-bold tabular-nums">
                          {cell.points} / {cell.pointsPossible}
                        </span>
                        <span className="text-sm font-semibold">
                          {t(`status.${cell.status}`)}
                          {cell.lateDays > 0 && !cell.override ? ` · −${cell.penaltyPercent}%` : ""}
                        </span>
                      </button>
                    </td>
                  ))}
                  <td className="px-3 py-2 text-lg font-bold tabular-nums">
                    {row.total} <span className="text-sm font-normal text-slate-600">({row.percent}%)</span>
                  </td>
                  <td className="px-3 py-2 text-lg tabular-nums">{row.lateDays}</td>
                  <td className="px-3 py-2">
                    <button
                      type="button"
                      className={`${secondaryButton} whitespace-nowrap`}
                      onClick={() => setExtending(row)}
                    >
                      {t("gradebook.extension")}
                      {row.extendedDueAt ? " ✓" : ""}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing ? (
        <OverrideDialog
          assignmentId={book.assignment.id}
          row={editing.row}
          cell={editing.cell}
          exerciseTitle={titleOf(book.exercises.findIndex((e) => e.exerciseId === editing.cell.exerciseId))}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {extending ? (
        <ExtensionDialog
          assignmentId={book.assignment.id}
          row={extending}
          timeZone={book.assignment.timeZone ?? "UTC"}
          onClose={() => setExtending(null)}
        />
      ) : null}
    </section>
  );
}
