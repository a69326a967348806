import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { EditorView } from "@codemirror/view";
import { tags } from "@lezer/highlight";
import type { Extension } from "@codemirror/state";
import { EDITOR_FONT_SIZE, EDITOR_LINE_HEIGHT, editorHeights } from "@/app/_components/python-editor/editor-heights";

/**
 * The editor's look: the dark, large-type code block of the rest of the app (readable on a
 * projector). Every token colour keeps a contrast of at least 7:1 on the background.
 */
const BACKGROUND = "#020617"; // slate-950

const highlight = HighlightStyle.define([
  {
    tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword, tags.operatorKeyword],
    color: "#c4b5fd",
  },
  { tag: [tags.string, tags.special(tags.string)], color: "#86efac" },
  { tag: [tags.number, tags.bool, tags.null], color: "#fdba74" },
  { tag: tags.comment, color: "#94a3b8", fontStyle: "italic" },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: "#7dd3fc" },
  {
    tag: [tags.definition(tags.variableName), tags.definition(tags.function(tags.variableName)), tags.className],
    color: "#fde68a",
  },
  { tag: [tags.self, tags.atom], color: "#f9a8d4" },
  { tag: tags.invalid, color: "#fca5a5" },
]);

export function editorTheme(minLines?: number, maxLines?: number): Extension {
  const { minHeight, maxHeight } = editorHeights(minLines, maxLines);
  const theme = EditorView.theme(
    {
      "&": {
        backgroundColor: BACKGROUND,
        color: "#f8fafc",
        fontSize: EDITOR_FONT_SIZE,
        borderRadius: "0.75rem",
        border: "2px solid #cbd5e1",
      },
      "&.cm-focused": { outline: "4px solid #fbbf24", outlineOffset: "2px", borderColor: "#4338ca" },
      ".cm-scroller": {
        fontFamily: "var(--font-mono)",
        lineHeight: EDITOR_LINE_HEIGHT,
        minHeight,
        maxHeight,
        overflow: "auto",
        borderRadius: "0.75rem",
      },
      ".cm-content": { caretColor: "#fbbf24", padding: "0.25rem 0" },
      ".cm-cursor, .cm-dropCursor": { borderLeftColor: "#fbbf24", borderLeftWidth: "2px" },
      "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": { backgroundColor: "#334155" },
      ".cm-gutters": {
        backgroundColor: BACKGROUND,
        color: "#94a3b8",
        border: "none",
        borderRadius: "0.75rem 0 0 0.75rem",
      },
      ".cm-activeLine": { backgroundColor: "#0f172a" },
      ".cm-activeLineGutter": { backgroundColor: "#0f172a", color: "#e2e8f0" },
      "&.cm-focused .cm-matchingBracket": { backgroundColor: "#3730a3", outline: "1px solid #a5b4fc" },
      "&.cm-focused .cm-nonmatchingBracket": { backgroundColor: "#7f1d1d" },
      ".cm-errorLine": { backgroundColor: "#7f1d1d", boxShadow: "inset 4px 0 0 #f87171" },
      ".cm-errorLineGutter": { backgroundColor: "#7f1d1d", color: "#fecaca", fontWeight: "700" },
      "&.cm-readonly .cm-cursor": { display: "none" },
    },
    { dark: true },
  );
  return [theme, syntaxHighlighting(highlight)];
}
