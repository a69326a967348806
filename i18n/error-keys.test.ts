import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { FIELD_ISSUE_KEYS, fieldIssueKey } from "@/lib/errors/field-issue-keys";
import { icuArguments } from "@/i18n/icu-arguments";
import { scanErrorKeys, type KeyUse } from "@/i18n/scan-error-keys";

const ROOT = path.resolve(__dirname, "..");

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(relative);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

/** `apiErrors.keys.<key>` of one catalogue, or undefined. */
function text(messages: unknown, key: string): string | undefined {
  let node: unknown = (messages as { apiErrors: { keys: unknown } }).apiErrors.keys;
  for (const part of key.split("."))
    node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === "string" ? node : undefined;
}

function leafKeys(node: unknown, prefix = ""): string[] {
  if (typeof node !== "object" || node === null) return [prefix];
  return Object.entries(node).flatMap(([name, child]) => leafKeys(child, prefix ? `${prefix}.${name}` : name));
}

const scanned: KeyUse[] = [...sources("lib"), ...sources("app")].flatMap((file) =>
  scanErrorKeys(fs.readFileSync(path.join(ROOT, file), "utf8"), file),
);
/** policy.ts throws `decision.key`; its literal keys are scanned where the decisions are built. */
const FORWARDS_DECISION_KEY = "lib/auth/policy.ts:";
const uses = scanned.filter((use) => use.key !== "<dynamic>");

describe("AppError keys", () => {
  it("finds the keys of lib/ and app/ (the scan itself works)", () => {
    const keys = new Set(uses.map((use) => use.key));
    expect(keys).toContain("exercise.recordBeforePublish");
    expect(keys).toContain("class.archived"); // policy.ts forbidden(…, key)
    expect(keys).toContain("submission.notFound"); // policy.ts notFound decisions
    expect(uses.find((use) => use.key === "submit.codeTooLarge")?.params).toEqual(["limitKb", "sizeKb"]);
    expect(uses.length).toBeGreaterThan(80);
  });

  it("every key is a literal", () => {
    const dynamic = scanned.filter((use) => use.key === "<dynamic>").map((use) => use.where);
    expect(dynamic.filter((where) => !where.startsWith(FORWARDS_DECISION_KEY))).toEqual([]);
  });

  it.each([
    ["en", en],
    ["zh-CN", zh],
  ])("every key used has a %s text with exactly the params the code passes", (_locale, messages) => {
    const wrong = uses
      .map((use) => ({ use, message: text(messages, use.key) }))
      .filter(({ use, message }) => message === undefined || icuArguments(message).join() !== use.params.join())
      .map(({ use, message }) => `${use.where} ${use.key} {${use.params.join()}} vs ${message ?? "missing"}`);
    expect(wrong).toEqual([]);
  });

  it("field issue keys exist in both languages with the params they get", () => {
    const schema = z.object({
      a: z.string().min(3).max(5),
      b: z.array(z.string()).min(1).max(2),
      c: z.number().min(1).max(9),
      d: z.number().positive().lt(3),
    });
    const samples = [
      { a: "x", b: [], c: 0, d: 0 },
      { a: "xxxxxx", b: ["1", "2", "3"], c: 10, d: 5 },
    ].flatMap((input) => schema.safeParse(input).error?.issues ?? []);
    const produced = samples.map(fieldIssueKey);
    expect(produced.map((entry) => entry.key).sort()).toEqual(
      [
        "field.tooShort",
        "field.tooFew",
        "field.atLeast",
        "field.above",
        "field.tooLong",
        "field.tooMany",
        "field.atMost",
        "field.below",
      ].sort(),
    );
    for (const entry of produced) {
      const params = Object.keys(entry.params ?? {})
        .sort()
        .join();
      expect(icuArguments(text(en, entry.key) ?? "missing").join(), entry.key).toBe(params);
      expect(icuArguments(text(zh, entry.key) ?? "missing").join(), entry.key).toBe(params);
    }
    for (const key of FIELD_ISSUE_KEYS) {
      expect(text(en, key), key).toBeDefined();
      expect(text(zh, key), key).toBeDefined();
    }
  });

  it("en and zh-CN texts interpolate the same params, and no text is left unused", () => {
    const catalogue = leafKeys(en.apiErrors.keys);
    const differing = catalogue.filter(
      (key) => icuArguments(text(en, key) ?? "").join() !== icuArguments(text(zh, key) ?? "missing").join(),
    );
    expect(differing).toEqual([]);
    const used = new Set<string>([...uses.map((use) => use.key), ...FIELD_ISSUE_KEYS]);
    expect(catalogue.filter((key) => !used.has(key))).toEqual([]);
  });
});

describe("icuArguments", () => {
  it("reads plain, plural and select arguments but not branch words", () => {
    expect(icuArguments("{count, plural, one {an error} other {# errors}} in {name}")).toEqual(["count", "name"]);
    expect(icuArguments("{field, select, opensAt {Opening} other {{field}}} and {word}")).toEqual(["field", "word"]);
    expect(icuArguments("No params.")).toEqual([]);
  });
});
