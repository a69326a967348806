import { Compartment, EditorState, type Extension, type StateEffect } from "@codemirror/state";
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { bracketMatching, indentOnInput, indentUnit } from "@codemirror/language";
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { python } from "@codemirror/lang-python";
import { editorTheme } from "@/app/_components/python-editor/editor-theme";
import { errorLineExtension } from "@/app/_components/python-editor/error-line";

/** What can change after the editor was created (applied through one compartment). */
export interface EditorSettings {
  id?: string;
  label: string;
  describedBy?: string;
  readOnly: boolean;
  minLines?: number;
  maxLines?: number;
}

export interface EditorCallbacks {
  onChange(text: string): void;
  onRun(): void;
  onSubmit(): void;
  hasRun(): boolean;
  hasSubmit(): boolean;
}

const settingsCompartment = new Compartment();

function settingsExtension(settings: EditorSettings): Extension {
  const attributes: Record<string, string> = {
    "aria-label": settings.label,
    spellcheck: "false",
    autocapitalize: "off",
    autocorrect: "off",
    // contenteditable is focusable already; the explicit tabindex lets axe see that the scroller it
    // sits in is keyboard-reachable (scrollable-region-focusable), with no extra tab stop.
    tabindex: "0",
  };
  if (settings.id) attributes.id = settings.id;
  if (settings.describedBy) attributes["aria-describedby"] = settings.describedBy;
  if (settings.readOnly) attributes["aria-readonly"] = "true";
  return [
    EditorView.contentAttributes.of(attributes),
    EditorState.readOnly.of(settings.readOnly),
    // A read-only editor stays focusable and selectable (keyboard users read it line by line).
    EditorView.editorAttributes.of({ class: settings.readOnly ? "cm-readonly" : "cm-editable" }),
    editorTheme(settings.minLines, settings.maxLines),
  ];
}

export function reconfigure(settings: EditorSettings): StateEffect<unknown> {
  return settingsCompartment.reconfigure(settingsExtension(settings));
}

/**
 * The editing behaviour: Python grammar (highlighting, auto-indent after `:`), 4-space indent
 * units, bracket matching and closing, undo history, Tab indents. CodeMirror's own escape hatch
 * keeps keyboard users free: Escape, then Tab moves focus out of the editor.
 */
export function editorExtensions(settings: EditorSettings, callbacks: EditorCallbacks): Extension {
  const shortcuts = keymap.of([
    { key: "Mod-Enter", run: () => (callbacks.hasRun() ? (callbacks.onRun(), true) : false) },
    { key: "Mod-Shift-Enter", run: () => (callbacks.hasSubmit() ? (callbacks.onSubmit(), true) : false) },
  ]);
  return [
    shortcuts,
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightActiveLine(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    EditorState.tabSize.of(4),
    indentUnit.of("    "),
    python(),
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
    errorLineExtension(),
    settingsCompartment.of(settingsExtension(settings)),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) callbacks.onChange(update.state.doc.toString());
    }),
  ];
}
