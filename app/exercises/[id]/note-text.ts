/**
 * Harness notes in the UI's language. The harness writes them in English (they are also matched by
 * an exercise's `forbiddenNotes`); the blocking-the-loop and CPU-stretch notes are rebuilt from their
 * parts, any other note is shown as written.
 */
export type NoteTranslate = (key: string, values: Record<string, string | number>) => string;

const BLOCKED =
  /^(.+?)(?: at line (\d+))? blocked the event loop (?:for (\S+) s|(\d+) times, for (\S+) s in total) — (use await asyncio\.sleep|run blocking code .*)$/u;

const CPU_STRETCH =
  /^(?:a CPU stretch of (\S+) s|(\d+) CPU stretches)(?: at line (\d+))? held the event loop(?: for (\S+) s in total)? — split the work .*$/u;

export function noteText(note: string, t: NoteTranslate): string {
  const stretch = CPU_STRETCH.exec(note);
  if (stretch) return cpuStretchText(stretch, t);
  const match = BLOCKED.exec(note);
  if (!match) return note;
  const [, call = "", line, once, times, total, hint = ""] = match;
  const where = line ? t("atLine", { line: Number(line) }) : "";
  const how =
    once !== undefined
      ? t("blockedOnce", { seconds: once })
      : t("blockedTimes", { count: Number(times), seconds: total ?? "" });
  const advice = hint.startsWith("use await") ? t("hintSleep", {}) : t("hintExecutor", {});
  return t("blockedLoop", { call, where, how, advice });
}

function cpuStretchText(match: RegExpExecArray, t: NoteTranslate): string {
  const [, once, count, line, total] = match;
  const where = line ? t("atLine", { line: Number(line) }) : "";
  const advice = t("hintSplit", {});
  return once !== undefined
    ? t("cpuStretch", { seconds: once, where, advice })
    : t("cpuStretches", { count: Number(count), seconds: total ?? "", where, advice });
}
