import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { noteText, type NoteTranslate } from "./note-text";

function translator(messages: Record<string, string>): NoteTranslate {
  return (key, values) => {
    const template = messages[key];
    if (template === undefined) throw new Error(`missing ${key}`);
    return template
      .replace(/\{count, plural, one \{([^}]*)\} other \{([^}]*)\}\}/u, (_all, one: string, other: string) =>
        (values.count === 1 ? one : other).replace("#", String(values.count)),
      )
      .replace(/\{(\w+)\}/gu, (_all, name: string) => String(values[name] ?? ""));
  };
}

describe("noteText", () => {
  const note = "time.sleep(1) at line 7 blocked the event loop for 1 s — use await asyncio.sleep";

  it("renders the blocking-the-loop note in English as the harness wrote it", () => {
    expect(noteText(note, translator(en.runNotes))).toBe(note);
  });

  it("translates it into Chinese, keeping the call, the line and the seconds", () => {
    const text = noteText(
      "time.sleep(0.5) at line 6 blocked the event loop 3 times, for 1.5 s in total — use await asyncio.sleep",
      translator(zh.runNotes),
    );
    expect(text).toContain("time.sleep(0.5)");
    expect(text).toContain("6");
    expect(text).toContain("1.5");
    expect(text).toContain("asyncio.sleep");
    expect(text).not.toMatch(/blocked/u);
  });

  const stretch =
    "a CPU stretch of 0.42 s at line 9 held the event loop — split the work or run it with await loop.run_in_executor(None, ...)";

  it("renders the CPU-stretch notes in English as the harness wrote them", () => {
    expect(noteText(stretch, translator(en.runNotes))).toBe(stretch);
    const twice =
      "2 CPU stretches at line 7 held the event loop for 0.31 s in total — split the work or run it with await loop.run_in_executor(None, ...)";
    expect(noteText(twice, translator(en.runNotes))).toBe(twice);
    const nowhere = stretch.replace(" at line 9", "");
    expect(noteText(nowhere, translator(en.runNotes))).toBe(nowhere);
  });

  it("translates the CPU-stretch note into Chinese, keeping the line and the seconds", () => {
    expect(noteText(stretch, translator(zh.runNotes))).toBe(
      "一段 0.42 秒的 CPU 计算（第 9 行）占住了事件循环——请把计算拆小，或用 await loop.run_in_executor(None, ...) 放到线程里运行",
    );
    const twice = noteText(
      "2 CPU stretches at line 7 held the event loop for 0.31 s in total — split the work or run it with await loop.run_in_executor(None, ...)",
      translator(zh.runNotes),
    );
    expect(twice).toBe(
      "2 段 CPU 计算（第 7 行）共占住事件循环 0.31 秒——请把计算拆小，或用 await loop.run_in_executor(None, ...) 放到线程里运行",
    );
  });

  it("shows any other note unchanged", () => {
    expect(noteText("legacy @asyncio.coroutine used (removed in Python 3.11)", translator(zh.runNotes))).toBe(
      "legacy @asyncio.coroutine used (removed in Python 3.11)",
    );
  });
});
