/** Text for a terminal: how wide it shows, and control characters made harmless. */

/** Columns `text` takes in a terminal: CJK characters take two (the tutorial prints Chinese). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char)
      ? 2
      : 1;
  return width;
}

/** Control characters other than tab and newline would rewrite the terminal: shown escaped (\x1b). */
export function escapeControlCharacters(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000b-\u001f\u007f]/g,
    (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, "0")}`,
  );
}
