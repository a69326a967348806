/** Text size and line height of the editor (and of its placeholder), in rem: Tailwind's text-lg + leading-snug. */
const FONT_REM = 1.125;
const LINE_HEIGHT = 1.375;
/** Vertical padding of the content (0.25rem above and below). */
const PADDING_REM = 0.5;

export const EDITOR_FONT_SIZE = `${FONT_REM}rem`;
export const EDITOR_LINE_HEIGHT = String(LINE_HEIGHT);

/** Heights for a given number of visible lines: the editor grows between them, then scrolls. */
export function editorHeights(minLines = 12, maxLines = 30): { minHeight: string; maxHeight: string } {
  const rem = (lines: number) => `${(Math.max(1, lines) * FONT_REM * LINE_HEIGHT + PADDING_REM).toFixed(3)}rem`;
  return { minHeight: rem(minLines), maxHeight: rem(Math.max(minLines, maxLines)) };
}
