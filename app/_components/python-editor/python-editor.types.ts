/** Props of the shared Python editor (the student's exercise page and the instructor's editor). */
export interface PythonEditorProps {
  /** Id of the editable element, so a `<label htmlFor>` or a test can find it. */
  id?: string;
  value: string;
  onChange?(value: string): void;
  /** Accessible name of the editor (read by screen readers as the text box's label). */
  label: string;
  /** Id of an element describing the editor (e.g. the keyboard hints). */
  describedBy?: string;
  /** Predict-the-output programs: the text can be read, selected and copied, never changed. */
  readOnly?: boolean;
  /** 1-based line to highlight as the line of an error (null or out of range: none). */
  errorLine?: number | null;
  /** Ctrl+Enter (Cmd+Enter on macOS). */
  onRun?(): void;
  /** Ctrl+Shift+Enter (Cmd+Shift+Enter on macOS). */
  onSubmit?(): void;
  /** Height before the editor grows with its text, in lines (default 12). */
  minLines?: number;
  /** Height after which the editor scrolls, in lines (default 30). */
  maxLines?: number;
}
