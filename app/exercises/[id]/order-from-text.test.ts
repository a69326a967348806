import { describe, expect, it } from "vitest";
import { orderFromText } from "./order-from-text";

const bank = ["b", "test", "a", "test"];

describe("orderFromText", () => {
  it("takes the order of a text holding exactly the bank's lines, repeated lines included", () => {
    expect(orderFromText(bank, "test\na\ntest\nb\n")).toEqual([1, 2, 3, 0]);
    expect(orderFromText(bank, "a\r\nb\r\ntest\r\ntest")).toEqual([2, 0, 1, 3]);
  });

  it("falls back to the bank's own order for any other text", () => {
    expect(orderFromText(bank, "")).toEqual([0, 1, 2, 3]);
    expect(orderFromText(bank, "a\nb\ntest")).toEqual([0, 1, 2, 3]);
    expect(orderFromText(bank, "a\nb\ntest\ntest\ntest")).toEqual([0, 1, 2, 3]);
    expect(orderFromText(bank, "a\nb\ntest\nc")).toEqual([0, 1, 2, 3]);
  });
});
