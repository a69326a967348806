import { describe, expect, it } from "vitest";
import { roundPoints } from "@/lib/rounds/round-points";

describe("roundPoints", () => {
  it("gives 1000 at the start, 750 half-way and 500 at the bell", () => {
    expect(roundPoints(0, 60)).toBe(1000);
    expect(roundPoints(30, 60)).toBe(750);
    expect(roundPoints(60, 60)).toBe(500);
  });

  it("rounds to whole points", () => {
    expect(roundPoints(7, 60)).toBe(942); // 1000 × (1 − 7/120) = 941.67
  });

  it("clamps times outside the round", () => {
    expect(roundPoints(-2, 60)).toBe(1000);
    expect(roundPoints(61.5, 60)).toBe(500);
    expect(roundPoints(1, 0)).toBe(0);
  });
});
