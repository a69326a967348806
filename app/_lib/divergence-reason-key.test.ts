import { describe, expect, it } from "vitest";
import { reasonKey } from "@/app/_lib/divergence-reason-key";

describe("reasonKey", () => {
  it("keeps a known reason and maps anything else to other", () => {
    expect(reasonKey("missing")).toBe("missing");
    expect(reasonKey("forbidden_note")).toBe("forbidden_note");
    expect(reasonKey("banana")).toBe("other");
    expect(reasonKey("")).toBe("other");
  });
});
