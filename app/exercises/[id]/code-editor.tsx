"use client";

import type { KeyboardEvent } from "react";

const INDENT = "    ";

/**
 * A plain monospace textarea that behaves enough like a code editor for short Python programs:
 * Tab indents (the selected lines, or at the caret), Shift+Tab dedents. Escape first, then Tab,
 * leaves the editor, so keyboard users are never trapped.
 */
export function CodeEditor(props: { id: string; value: string; onChange(value: string): void; readOnly?: boolean; rows?: number; label: string }) {
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    const area = event.currentTarget;
    if (event.key === "Escape") {
      area.dataset.escaped = "1";
      return;
    }
    if (event.key !== "Tab" || area.dataset.escaped === "1" || props.readOnly) {
      delete area.dataset.escaped;
      return;
    }
    event.preventDefault();
    const { value, selectionStart: start, selectionEnd: end } = area;
    const lineStart = value.lastIndexOf("\n", start - 1) + 1;
    if (!event.shiftKey && start === end) {
      apply(area, value.slice(0, start) + INDENT + value.slice(end), start + INDENT.length, start + INDENT.length);
      return;
    }
    const block = value.slice(lineStart, end);
    const lines = block.split("\n");
    const changed = event.shiftKey ? lines.map((line) => line.replace(/^ {1,4}/, "")) : lines.map((line) => INDENT + line);
    const replaced = changed.join("\n");
    const firstShift = changed[0].length - lines[0].length;
    apply(area, value.slice(0, lineStart) + replaced + value.slice(end), Math.max(lineStart, start + firstShift), end + (replaced.length - block.length));
  }

  function apply(area: HTMLTextAreaElement, next: string, selectionStart: number, selectionEnd: number) {
    props.onChange(next);
    // After React re-renders the controlled value.
    requestAnimationFrame(() => area.setSelectionRange(selectionStart, selectionEnd));
  }

  return (
    <textarea
      id={props.id}
      aria-label={props.label}
      value={props.value}
      readOnly={props.readOnly}
      onChange={(event) => props.onChange(event.target.value)}
      onKeyDown={onKeyDown}
      rows={props.rows ?? 16}
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      autoCorrect="off"
      wrap="off"
      className="w-full resize-y rounded-xl border-2 border-slate-300 bg-slate-950 p-4 font-mono text-lg leading-snug text-slate-50 focus:border-brand-600 focus:outline-none focus:ring-4 focus:ring-brand-100"
    />
  );
}
