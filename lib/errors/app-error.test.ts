import { describe, expect, it } from "vitest";
import { AppError, toErrorResponse } from "@/lib/errors/app-error";

describe("AppError", () => {
  it("still takes details as the third argument", () => {
    const error = new AppError("BAD_REQUEST", "Bad", { title: ["Required"] });
    expect(error.details).toEqual({ title: ["Required"] });
    expect(error.key).toBeUndefined();
  });

  it("takes key, params, details and fieldKeys as options", () => {
    const error = new AppError("CONFLICT", "Taken", {
      key: "exercise.slugTaken",
      params: { slug: "a" },
      details: { slug: ["used"] },
      fieldKeys: { slug: [{ key: "field.invalid" }] },
    });
    expect([error.key, error.params, error.details, error.fieldKeys]).toEqual([
      "exercise.slugTaken",
      { slug: "a" },
      { slug: ["used"] },
      { slug: [{ key: "field.invalid" }] },
    ]);
  });

  it("reads a details map whose field is named like an option as details", () => {
    const error = new AppError("BAD_REQUEST", "Bad", { key: ["Required"], params: ["Bad"] });
    expect(error.details).toEqual({ key: ["Required"], params: ["Bad"] });
    expect(error.key).toBeUndefined();
  });
});

describe("toErrorResponse", () => {
  it("keeps code, message and details exactly as before for a keyless error", () => {
    expect(toErrorResponse(new AppError("BAD_REQUEST", "Bad", { a: ["x"] }))).toEqual({
      status: 400,
      body: { error: { code: "BAD_REQUEST", message: "Bad", details: { a: ["x"] } } },
    });
  });

  it("adds key, params and fieldKeys when present", () => {
    const error = new AppError("PAYLOAD_TOO_LARGE", "The code is 70 KB; the limit is 64 KB.", {
      key: "submit.codeTooLarge",
      params: { sizeKb: 70, limitKb: 64 },
    });
    expect(toErrorResponse(error)).toEqual({
      status: 413,
      body: {
        error: {
          code: "PAYLOAD_TOO_LARGE",
          message: "The code is 70 KB; the limit is 64 KB.",
          key: "submit.codeTooLarge",
          params: { sizeKb: 70, limitKb: 64 },
        },
      },
    });
    const invalid = new AppError("BAD_REQUEST", "Too long", {
      details: { title: ["Too long"] },
      fieldKeys: { title: [{ key: "field.tooLong", params: { max: 120 } }] },
    });
    expect(toErrorResponse(invalid).body.error).toEqual({
      code: "BAD_REQUEST",
      message: "Too long",
      details: { title: ["Too long"] },
      fieldKeys: { title: [{ key: "field.tooLong", params: { max: 120 } }] },
    });
  });

  it("never leaks an unexpected error, even one that looks keyed", () => {
    const leaky = Object.assign(new Error("postgres://user:pw@db"), { key: "x.y", params: { secret: "pw" } });
    expect(toErrorResponse(leaky)).toEqual({
      status: 500,
      body: { error: { code: "INTERNAL", message: "Something went wrong on our side." } },
    });
  });
});
