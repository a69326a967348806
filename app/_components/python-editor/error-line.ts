import { RangeSetBuilder, StateEffect, StateField, type Extension, type EditorState } from "@codemirror/state";
import { Decoration, EditorView, GutterMarker, gutterLineClass, type DecorationSet } from "@codemirror/view";

/** Sets (or clears, with null) the 1-based line shown as the line of an error. */
export const setErrorLine = StateEffect.define<number | null>();

const lineDecoration = Decoration.line({ class: "cm-errorLine", attributes: { "data-error-line": "true" } });
const gutterMarker = new (class extends GutterMarker {
  elementClass = "cm-errorLineGutter";
})();

function decorate(state: EditorState, line: number | null): DecorationSet {
  if (line === null || line < 1 || line > state.doc.lines) return Decoration.none;
  const builder = new RangeSetBuilder<Decoration>();
  const from = state.doc.line(line).from;
  builder.add(from, from, lineDecoration);
  return builder.finish();
}

/**
 * The error line follows edits above it (decorations map through changes) until the page sets a
 * new one; an edit that deletes the line clears it.
 */
const errorLineField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(decorations, transaction) {
    let next = decorations.map(transaction.changes);
    for (const effect of transaction.effects)
      if (effect.is(setErrorLine)) next = decorate(transaction.state, effect.value);
    return next;
  },
  provide: (field) => [
    EditorView.decorations.from(field),
    gutterLineClass.from(field, (decorations) => {
      const builder = new RangeSetBuilder<GutterMarker>();
      decorations.between(0, Number.MAX_SAFE_INTEGER, (from) => builder.add(from, from, gutterMarker));
      return builder.finish();
    }),
  ],
});

export function errorLineExtension(): Extension {
  return errorLineField;
}
