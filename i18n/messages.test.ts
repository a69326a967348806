import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

/** Every key path of a nested messages object, e.g. "auth.email". */
function keyPaths(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

describe("messages", () => {
  it("zh-CN translates exactly the keys English has", () => {
    expect(keyPaths(zh).sort()).toEqual(keyPaths(en).sort());
  });

  it("has no empty translations", () => {
    const empty = (messages: unknown) =>
      keyPaths(messages).filter((path) => {
        const text = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messages);
        return typeof text !== "string" || text.trim() === "";
      });
    expect(empty(en)).toEqual([]);
    expect(empty(zh)).toEqual([]);
  });
});
