import { describe, expect, it } from "vitest";
import { numberCell, textCell } from "./csv-cells";

describe("spreadsheet cells", () => {
  it("neutralises text a spreadsheet would run as a formula", () => {
    expect(textCell('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    for (const start of ["+", "-", "@", "\t", "\r"]) expect(textCell(`${start}1`)).toBe(`'${start}1`);
    expect(textCell("李雷")).toBe("李雷");
    expect(textCell("a=b")).toBe("a=b");
  });

  it("writes numbers without separators or exponents, at most two decimals", () => {
    expect(numberCell(1234567.5)).toBe("1234567.5");
    expect(numberCell(10)).toBe("10");
    expect(numberCell(0)).toBe("0");
    expect(numberCell(6.666666)).toBe("6.67");
    expect(numberCell(0.005)).toBe("0.01");
    expect(numberCell(1e-9)).toBe("0");
    expect(numberCell(Number.NaN)).toBe("");
  });
});
