import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldIssueKey } from "@/lib/errors/field-issue-keys";

function keysFor(schema: z.ZodType, input: unknown) {
  return (schema.safeParse(input).error?.issues ?? []).map(fieldIssueKey);
}

describe("fieldIssueKey", () => {
  it("names the common issue kinds with their limits", () => {
    const schema = z.object({
      name: z.string().min(1, "Enter a name"),
      title: z.string().max(3),
      code: z.string().min(4),
      email: z.email(),
      role: z.enum(["a", "b"]),
      points: z.number().int().min(0).max(10),
    });
    expect(keysFor(schema, { name: "", title: "long", code: "ab", email: "no", role: "c", points: 11 })).toEqual([
      { key: "field.required" },
      { key: "field.tooLong", params: { max: 3 } },
      { key: "field.tooShort", params: { min: 4 } },
      { key: "field.email" },
      { key: "field.choice" },
      { key: "field.atMost", params: { max: 10 } },
    ]);
  });

  it("tells a missing value from a wrong type", () => {
    const schema = z.object({ a: z.string(), b: z.number() });
    expect(keysFor(schema, { b: "1" })).toEqual([{ key: "field.required" }, { key: "field.invalid" }]);
  });

  it("tells a missing value with a custom message when the input is reported", () => {
    const schema = z.object({ a: z.string({ message: "a must be text" }) });
    const issues = (input: unknown) =>
      (schema.safeParse(input, { reportInput: true }).error?.issues ?? []).map(fieldIssueKey);
    expect(issues({})).toEqual([{ key: "field.required" }]);
    expect(issues({ a: 1 })).toEqual([{ key: "field.invalid" }]);
  });

  it("covers lists, exclusive bounds and patterns", () => {
    const schema = z.object({
      tags: z.array(z.string()).min(1),
      ratio: z.number().positive(),
      slug: z.string().regex(/^[a-z]+$/),
    });
    expect(keysFor(schema, { tags: [], ratio: 0, slug: "A" })).toEqual([
      { key: "field.tooFew", params: { min: 1 } },
      { key: "field.above", params: { min: 0 } },
      { key: "field.format" },
    ]);
  });
});
