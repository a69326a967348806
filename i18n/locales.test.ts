import { describe, expect, it } from "vitest";
import { isLocale, localeFromAcceptLanguage } from "@/i18n/locales";

describe("localeFromAcceptLanguage", () => {
  it.each([
    [undefined, "en"],
    ["", "en"],
    ["zh-CN,zh;q=0.9", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["fr-FR,en;q=0.5,zh;q=0.8", "zh-CN"],
    ["fr-FR,en;q=0.9,zh;q=0.8", "en"],
    ["de", "en"],
    ["zh;q=0, en", "en"],
  ])("%s -> %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });

  it("accepts only shipped locales", () => {
    expect(isLocale("zh-CN")).toBe(true);
    expect(isLocale("zh")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});
