import { describe, expect, it } from "vitest";
import { createTranslator, type Messages } from "next-intl";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import type { ApiError } from "@/app/_lib/api-client";
import { errorFieldText, errorMessageText, type ErrorCatalogue } from "@/app/_lib/error-text";

/** The same catalogue useErrorText builds, from the real messages. */
function catalogue(locale: "en" | "zh-CN"): ErrorCatalogue {
  const messages: Messages = locale === "en" ? en : zh;
  const t = createTranslator({ locale, messages });
  const full = (path: string) => `apiErrors.${path}`;
  return {
    english: locale === "en",
    lookup: (path, params) => (t.has(full(path)) ? t(full(path), params) : undefined),
  };
}

const publishFirst: ApiError = {
  code: "CONFLICT",
  message: "Record the expected trace before publishing: without it no submission can pass.",
  key: "exercise.recordBeforePublish",
};

describe("errorMessageText", () => {
  it("shows a keyed error's own text in Chinese, not the generic one", () => {
    expect(errorMessageText(publishFirst, catalogue("zh-CN"))).toBe(
      "请先录制预期轨迹再发布：没有预期轨迹，任何提交都无法通过。",
    );
    expect(errorMessageText(publishFirst, catalogue("en"))).toBe(publishFirst.message);
  });

  it("interpolates params", () => {
    const tooLarge: ApiError = {
      code: "PAYLOAD_TOO_LARGE",
      message: "The code is 70 KB; the limit is 64 KB.",
      key: "submit.codeTooLarge",
      params: { sizeKb: 70, limitKb: 64 },
    };
    expect(errorMessageText(tooLarge, catalogue("zh-CN"))).toBe("代码有 70 KB，超过了 64 KB 的上限。");
    expect(errorMessageText(tooLarge, catalogue("en"))).toBe("The code is 70 KB; the limit is 64 KB.");
  });

  it("falls back to the server message (en) or the code's text (zh) for an unknown or missing key", () => {
    const unknown: ApiError = { code: "UNAVAILABLE", message: "Runner down.", key: "no.suchKey" };
    expect(errorMessageText(unknown, catalogue("en"))).toBe("Runner down.");
    expect(errorMessageText(unknown, catalogue("zh-CN"))).toBe("服务暂时不可用，请稍后再试。");
    expect(errorMessageText({ code: "CONFLICT", message: "x" }, catalogue("zh-CN"))).toBe(
      "当前状态下无法执行此操作，请刷新页面后重试。",
    );
    expect(errorMessageText({ code: "TEAPOT", message: "I am a teapot" }, catalogue("zh-CN"))).toBe("I am a teapot");
  });
});

describe("errorFieldText", () => {
  const invalid: ApiError = {
    code: "BAD_REQUEST",
    message: "Too big: expected string to have <=120 characters",
    details: { title: ["Too big: expected string to have <=120 characters"], points: ["Too small"] },
    fieldKeys: { title: [{ key: "field.tooLong", params: { max: 120 } }] },
  };

  it("shows the server's details in English and localized field keys in Chinese", () => {
    expect(errorFieldText(invalid, "title", catalogue("en"))).toEqual(invalid.details?.title);
    expect(errorFieldText(invalid, "title", catalogue("zh-CN"))).toEqual(["最多 120 个字符。"]);
  });

  it("falls back to the keyed error, then to the generic field text", () => {
    expect(errorFieldText(invalid, "points", catalogue("zh-CN"))).toEqual(["请检查此项。"]);
    const override: ApiError = {
      code: "BAD_REQUEST",
      message: "At most 5 points for this exercise.",
      details: { points: ["At most 5."] },
      key: "assignment.pointsMax",
      params: { max: 5 },
    };
    expect(errorFieldText(override, "points", catalogue("zh-CN"))).toEqual(["这道练习最多 5 分。"]);
  });

  it("is empty for a field without details", () => {
    expect(errorFieldText(invalid, "other", catalogue("zh-CN"))).toBeUndefined();
    expect(errorFieldText(null, "title", catalogue("zh-CN"))).toBeUndefined();
  });
});
