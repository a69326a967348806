"use client";

import { useEffect, useRef } from "react";
import { EditorView } from "@codemirror/view";
import { EditorState } from "@codemirror/state";
import type { PythonEditorProps } from "@/app/_components/python-editor/python-editor.types";
import { setErrorLine } from "@/app/_components/python-editor/error-line";
import { editorExtensions, reconfigure, type EditorSettings } from "@/app/_components/python-editor/editor-extensions";

/**
 * CodeMirror 6 bound to React props. The document is owned by CodeMirror while the user types;
 * a `value` that differs from it (a draft restored, a submission opened) replaces it. Loaded
 * lazily through `PythonEditor`; import that component, not this one.
 */
export function CodeMirrorPythonEditor(props: PythonEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // Callbacks change on every render; the editor reads the latest through this ref.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  const settings: EditorSettings = {
    id: props.id,
    label: props.label,
    describedBy: props.describedBy,
    readOnly: props.readOnly ?? false,
    minLines: props.minLines,
    maxLines: props.maxLines,
  };

  useEffect(() => {
    if (!host.current) return;
    const created = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: latest.current.value,
        extensions: editorExtensions(settings, {
          onChange: (text) => latest.current.onChange?.(text),
          onRun: () => latest.current.onRun?.(),
          onSubmit: () => latest.current.onSubmit?.(),
          hasRun: () => latest.current.onRun !== undefined,
          hasSubmit: () => latest.current.onSubmit !== undefined,
        }),
      }),
    });
    view.current = created;
    created.dispatch({ effects: setErrorLine.of(latest.current.errorLine ?? null) });
    // Line heights change once the web fonts (CJK comments) arrive: measure the gutter again.
    void document.fonts?.ready.then(() => {
      if (view.current === created) created.requestMeasure();
    });
    return () => {
      created.destroy();
      view.current = null;
    };
    // Created once; later prop changes are applied by the effects below.
  }, []);

  useEffect(() => {
    const current = view.current;
    if (!current || current.state.doc.toString() === props.value) return;
    current.dispatch({ changes: { from: 0, to: current.state.doc.length, insert: props.value } });
  }, [props.value]);

  useEffect(() => {
    view.current?.dispatch({ effects: setErrorLine.of(props.errorLine ?? null) });
  }, [props.errorLine]);

  const key = JSON.stringify(settings);
  useEffect(() => {
    view.current?.dispatch({ effects: reconfigure(settings) });
    // `key` stands for every field of `settings`.
  }, [key]);

  return <div ref={host} data-testid="python-editor" data-readonly={props.readOnly ? "true" : undefined} />;
}
