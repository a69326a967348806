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

  it("shows any other note unchanged", () => {
    expect(noteText("legacy @asyncio.coroutine used (removed in Python 3.11)", translator(zh.runNotes))).toBe(
      "legacy @asyncio.coroutine used (removed in Python 3.11)",
    );
  });
});
