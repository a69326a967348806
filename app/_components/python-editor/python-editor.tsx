"use client";

import { useEffect, useState, type ComponentType } from "react";
import type { PythonEditorProps } from "@/app/_components/python-editor/python-editor.types";
import { editorHeights } from "@/app/_components/python-editor/editor-heights";

type EditorComponent = ComponentType<PythonEditorProps>;

// One import for every editor on the page (and across client-side navigations).
let loading: Promise<EditorComponent> | null = null;
function loadEditor(): Promise<EditorComponent> {
  loading ??= import("@/app/_components/python-editor/codemirror-python-editor").then(
    (module) => module.CodeMirrorPythonEditor,
  );
  return loading;
}

/**
 * The Python editor, loaded after the first paint: CodeMirror and its Python grammar are ~150 kB
 * of JavaScript that the page's first load should not wait for. Until it arrives the code is shown
 * as plain text of the same size, so nothing jumps when the editor takes over.
 */
export function PythonEditor(props: PythonEditorProps) {
  const [Editor, setEditor] = useState<EditorComponent | null>(null);
  useEffect(() => {
    let active = true;
    void loadEditor().then((component) => {
      // A function in state must be wrapped, or React calls it as an updater.
      if (active) setEditor(() => component);
    });
    return () => {
      active = false;
    };
  }, []);
  if (Editor) return <Editor {...props} />;
  return <EditorPlaceholder {...props} />;
}

function EditorPlaceholder({ value, label, minLines, maxLines }: PythonEditorProps) {
  const { minHeight, maxHeight } = editorHeights(minLines, maxLines);
  return (
    // Focusable: long code scrolls inside it, and axe (rightly) wants keyboard users to reach it
    // even in the moment before CodeMirror arrives.
    <pre
      tabIndex={0}
      aria-label={label}
      aria-busy="true"
      data-testid="python-editor-loading"
      style={{ minHeight, maxHeight }}
      className="overflow-auto rounded-xl border-2 border-slate-300 bg-slate-950 py-1 pl-14 pr-4 font-mono text-lg leading-snug text-slate-50"
    >
      {value}
    </pre>
  );
}
